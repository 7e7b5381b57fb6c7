import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Address ranges a webhook must never reach in production (RFC 6890 special-purpose and more). */
const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv6');
}

/** True when `ip` is a globally routable unicast address (IPv4-mapped IPv6 checked as IPv4). */
export function isPublicAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 0) return false;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
    if (mapped) return isPublicAddress(mapped[1]);
    if (/^::ffff:/i.test(ip)) return false;
    return !NOT_PUBLIC.check(ip, 'ipv6');
  }
  return !NOT_PUBLIC.check(ip, 'ipv4');
}

/** Why a webhook URL is refused, for a 422 or a delivery's last error. */
export class WebhookTargetError extends Error {
  /** True when DNS failed (may succeed later), false when the target itself is refused. */
  constructor(
    message: string,
    readonly transient = false,
  ) {
    super(message);
  }
}

/** The address a webhook request is pinned to: the one that was checked. */
export interface PinnedTarget {
  url: URL;
  /** Null when private targets are allowed: nothing is checked, the OS resolves as usual. */
  address: string | null;
  family: 4 | 6;
}

/**
 * Checks a webhook URL and resolves its host once: https only and every resolved address
 * public, unless private targets are allowed (development, tests). The request must then
 * connect to `address` (see postForStatus's `pin`), so a DNS answer that changes between
 * this check and the connection (DNS rebinding) cannot redirect it.
 */
export async function resolveWebhookTarget(
  raw: string,
  allowPrivate: boolean,
): Promise<PinnedTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookTargetError('not a valid URL');
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
    throw new WebhookTargetError('webhook URLs must use https');
  }
  if (url.username || url.password) {
    throw new WebhookTargetError('webhook URLs must not carry credentials');
  }
  if (allowPrivate) return { url, address: null, family: 4 };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host)
      ? [{ address: host, family: isIP(host) }]
      : await lookup(host, { all: true, verbatim: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new WebhookTargetError(`the host ${host} does not resolve (${code})`, true);
  }
  if (addresses.length === 0) throw new WebhookTargetError(`the host ${host} does not resolve`);
  const blocked = addresses.find((a) => !isPublicAddress(a.address));
  if (blocked) {
    throw new WebhookTargetError(
      `the host ${host} resolves to ${blocked.address}, which is not a public address`,
    );
  }
  const [first] = addresses;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
