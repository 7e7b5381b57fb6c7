import { randomBytes } from 'node:crypto';

const PATTERN = /^ptk_([a-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

/** `ptk_<10-char visible prefix>_<43-char secret>` (256 bits of secret). */
export function newApiToken(): { prefix: string; token: string } {
  const prefix = randomBytes(10)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, 10);
  const token = `ptk_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { prefix, token };
}

export function parseApiToken(value: string): { prefix: string } | null {
  const m = PATTERN.exec(value);
  return m ? { prefix: m[1] } : null;
}
