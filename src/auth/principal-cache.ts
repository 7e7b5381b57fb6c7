/**
 * A short-lived, bounded, in-process cache of authenticated principals, keyed by the
 * whole credential (a JWT's text, or an API token's SHA-256). A hit skips the JWT's
 * signature check and the principal's database lookup.
 *
 * The security bound: an entry lives at most `ttlMs` (AUTH_PRINCIPAL_CACHE_MS) and never
 * past the credential's own expiry, so a user deactivated, a password changed, a token
 * revoked or an organisation deactivated — by ANOTHER api replica or straight in the
 * database — stops working here within `ttlMs`. In this process it stops at once: every
 * such change calls `clear()` after its transaction commits. Those changes are rare, so
 * clearing everything is simpler and safer than tracking which entries they touch.
 * `ttlMs = 0` turns the cache off.
 */
export class PrincipalCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, now = Date.now()): T | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.until > now) return hit.value;
    this.entries.delete(key);
    return undefined;
  }

  /** Keeps `value` until `ttlMs` from now or `expiresAt` (epoch ms), whichever is sooner. */
  set(key: string, value: T, expiresAt = Infinity, now = Date.now()): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) {
      // Oldest first (a Map iterates in insertion order).
      this.entries.delete(this.entries.keys().next().value as string);
    }
    this.entries.set(key, { value, until: Math.min(now + this.ttlMs, expiresAt) });
  }

  clear(): void {
    this.entries.clear();
  }
}
