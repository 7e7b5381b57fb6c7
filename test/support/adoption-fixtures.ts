import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * A fresh council-delivered service (with a published requirement set holding one
 * requirement), so a test's adoptions and figures are its own.
 */
export async function insertService(
  db: DataSource,
  opts: {
    code?: string;
    dependsOn?: string[];
    deliveryModel?: string;
    /** Nations whose councils must adopt it (default none: the test inserts its own adoptions). */
    scopeNations?: string[];
  } = {},
): Promise<{ id: string; code: string; requirementCode: string }> {
  const code = opts.code ?? `T-${randomUUID().slice(0, 8).toUpperCase()}`;
  const [{ id }] = await db.query(
    `INSERT INTO services (code, name, lead_agency_id, delivery_model, status, scope_nations)
     SELECT $1, 'Test service ' || $1, o.id, $2, 'live', $3 FROM organisations o
      WHERE o.type = 'AGENCY' ORDER BY o.code LIMIT 1 RETURNING id`,
    [code, opts.deliveryModel ?? 'council_delivered', opts.scopeNations ?? []],
  );
  const [{ id: setId }] = await db.query(
    `INSERT INTO requirement_sets (service_id, version, status, title, published_at, effective_date)
     VALUES ($1, 1, 'published', 'Baseline', now(), current_date) RETURNING id`,
    [id],
  );
  const requirementCode = `${code}-001`;
  await db.query(
    `INSERT INTO requirements (requirement_set_id, code, title, level, category, position)
     VALUES ($1, $2, 'A requirement', 'MUST', 'functional', 0)`,
    [setId, requirementCode],
  );
  for (const dep of opts.dependsOn ?? []) {
    await db.query(
      `INSERT INTO service_relationships (from_service_id, to_service_id, type) VALUES ($1, $2, 'depends_on')`,
      [id, dep],
    );
  }
  return { id: id as string, code, requirementCode };
}
