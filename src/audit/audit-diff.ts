import type { AuditChanges } from './audit-event.entity.js';

/** Fields never copied into the audit log, whatever the entity. */
const SECRET_FIELDS = new Set([
  'passwordHash',
  'password',
  'tokenHash',
  'token',
  'secret',
  'secretEncrypted',
  'previousSecretEncrypted',
]);
const IGNORED_FIELDS = new Set(['updatedAt', 'createdAt', 'version']);

const normalise = (v: unknown): unknown =>
  v instanceof Date ? v.toISOString() : v === undefined ? null : v;

/**
 * `{field: {before, after}}` for every field that differs between two snapshots.
 * Creation is `diff(null, entity)`, deletion `diff(entity, null)`. Secrets appear only
 * as "[changed]".
 */
export function auditDiff(before: object | null, after: object | null): AuditChanges {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const changes: AuditChanges = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (IGNORED_FIELDS.has(key)) continue;
    const from = normalise(b[key]);
    const to = normalise(a[key]);
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    changes[key] = SECRET_FIELDS.has(key)
      ? { before: from === null ? null : '[secret]', after: to === null ? null : '[changed]' }
      : { before: from, after: to };
  }
  return changes;
}
