import { createHmac } from 'node:crypto';

/**
 * Standard Webhooks signature header: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`
 * for each secret (the key is the base64 after `whsec_`), space-separated.
 */
export function webhookSignature(
  secrets: string[],
  id: string,
  timestamp: number,
  body: string,
): string {
  return secrets
    .map((secret) => {
      const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
      const mac = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
      return `v1,${mac}`;
    })
    .join(' ');
}
