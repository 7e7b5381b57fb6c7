import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import {
  type ComparisonRow,
  type ComparisonService,
  comparisonServiceStatement,
  productComparisonStatement,
} from './product-comparison-queries.js';
import type { WorksWithRow } from './works-with.js';

/**
 * The product comparison's statements (`product-comparison-queries.ts`) on the pool, and
 * what a council's products were tested together with.
 */
@Injectable()
export class ProductComparisonRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async service(serviceId: string): Promise<ComparisonService | null> {
    const s = comparisonServiceStatement(serviceId);
    const [service] = await this.db.query<ComparisonService[]>(s.sql, s.params);
    return service ?? null;
  }

  products(actor: Actor, serviceId: string): Promise<ComparisonRow[]> {
    const c = productComparisonStatement(actor, serviceId);
    return this.db.query<ComparisonRow[]>(c.sql, c.params);
  }

  /**
   * For a council: per product of `productIds`, the latest tested-together record (any
   * standard) with each product or shared service the council already uses — the routes of
   * its non-withdrawn adoptions and the shared services it is a member of. One statement.
   */
  worksWith(councilId: string, productIds: string[]): Promise<WorksWithRow[]> {
    return this.db.query<WorksWithRow[]>(
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
  }
}
