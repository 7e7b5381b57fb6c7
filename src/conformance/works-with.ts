import type { DataSource } from 'typeorm';

/** One party a council already uses that a product was tested together with. */
export interface WorksWithEntry {
  type: 'product' | 'shared_service';
  id: string;
  name: string;
  result: 'passed' | 'failed' | 'partially_verified';
  testedOn: string;
  retestDue: boolean;
}

/**
 * For a council: per product of `productIds`, the latest tested-together record (any
 * standard) with each product or shared service the council already uses — the routes of
 * its non-withdrawn adoptions and the shared services it is a member of. One statement.
 */
export async function worksWithForCouncil(
  db: DataSource,
  councilId: string,
  productIds: string[],
): Promise<Map<string, WorksWithEntry[]>> {
  const rows: (WorksWithEntry & { product_id: string })[] = await db.query(
    `WITH uses AS (
       SELECT a.product_id AS id FROM adoptions a
        WHERE a.council_id = $1 AND a.stage <> 'withdrawn' AND a.product_id IS NOT NULL
       UNION SELECT a.shared_service_id FROM adoptions a
        WHERE a.council_id = $1 AND a.stage <> 'withdrawn' AND a.shared_service_id IS NOT NULL
       UNION SELECT m.shared_service_id FROM shared_service_members m WHERE m.council_id = $1),
     pairs AS (
       SELECT DISTINCT ON (x.product_id, x.other_id) x.*
         FROM (SELECT t.party_a_id AS product_id, t.party_b_type AS type, t.party_b_id AS other_id,
                      t.result, t.tested_on, t.retest_due, t.created_at
                 FROM interop_tests t WHERE t.party_a_type = 'product' AND t.party_a_id = ANY($2)
               UNION ALL
               SELECT t.party_b_id, t.party_a_type, t.party_a_id, t.result, t.tested_on,
                      t.retest_due, t.created_at
                 FROM interop_tests t WHERE t.party_b_type = 'product' AND t.party_b_id = ANY($2)) x
        WHERE x.other_id IN (SELECT id FROM uses) AND x.other_id <> x.product_id
        ORDER BY x.product_id, x.other_id, x.tested_on DESC, x.created_at DESC)
     SELECT p.product_id, p.type, p.other_id AS id,
            COALESCE(pr.name || ' ' || pr.product_version, ss.name) AS name,
            p.result, p.tested_on::text AS "testedOn", p.retest_due AS "retestDue"
       FROM pairs p
       LEFT JOIN products pr ON p.type = 'product' AND pr.id = p.other_id
       LEFT JOIN shared_services ss ON p.type = 'shared_service' AND ss.id = p.other_id
      ORDER BY p.product_id, name`,
    [councilId, productIds],
  );
  const out = new Map<string, WorksWithEntry[]>();
  for (const { product_id, ...entry } of rows) {
    out.set(product_id, [...(out.get(product_id) ?? []), entry]);
  }
  return out;
}
