import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type CaseResult, overallResult } from './interop-rule.js';

const CASES = [
  'Eligible child: positive response with a check reference',
  'Not eligible: negative response, no personal data echoed',
  'Checker unavailable: the request is retried and queued',
];
/** Results per demo product (cycled): mostly passes, one failure, one partial. */
const PATTERNS: CaseResult[][] = [
  ['passed', 'passed', 'passed'],
  ['passed', 'passed', 'failed'],
  ['passed', 'passed', 'passed'],
  ['passed', 'partially_verified', 'passed'],
];

/**
 * Demo tested-together matrix for the eligibility-checking request standard: every demo
 * FSM product against the national checker, passes, a failure and a partial result, and
 * one record already due for a re-test. Insert-if-absent by seed key.
 */
@Injectable()
export class InteropSeeder {
  async seedDemo(m: EntityManager): Promise<Record<string, number>> {
    const [ctx]: { standard: string | null; checker: string | null; products: string[] }[] =
      await m.query(
        `SELECT (SELECT id FROM standards WHERE code = 'FSM-ECS-REQUEST'
                  ORDER BY created_at LIMIT 1) AS standard,
                (SELECT ss.id FROM shared_services ss JOIN services s ON s.id = ss.service_id
                  WHERE s.code = 'FSM-ECS' ORDER BY ss.name LIMIT 1) AS checker,
                ARRAY(SELECT p.id FROM products p
                        JOIN product_services ps ON ps.product_id = p.id
                        JOIN services s ON s.id = ps.service_id AND s.code = 'FSM-APPLY'
                       ORDER BY p.name, p.id) AS products`,
      );
    if (!ctx.standard || !ctx.checker || ctx.products.length === 0) return { interopTests: 0 };
    const rows = ctx.products.map((productId, i) => {
      const results = PATTERNS[i % PATTERNS.length];
      const cases = CASES.map((title, n) => ({
        code: `ECS-TC-0${n + 1}`,
        title,
        result: results[n],
      }));
      return {
        key: `demo:interop:${productId}`,
        productId,
        cases,
        result: overallResult(cases),
        daysAgo: 30 + i * 7,
        retestDue: i === 2,
      };
    });
    const inserted: unknown[] = await m.query(
      `INSERT INTO interop_tests (seed_key, standard_id, party_a_type, party_a_id, party_a_role,
              party_b_type, party_b_id, party_b_role, cases, result, tested_on, evidence_url,
              witness, expires_on, retest_due, retest_reason, retest_due_at)
       SELECT t.key, $2, 'product', t."productId", 'client', 'shared_service', $3, 'server',
              t.cases, t.result, current_date - t."daysAgo",
              'https://evidence.example/connectathon/' || t."productId",
              'Programme office test lead (demo)', current_date - t."daysAgo" + 365,
              t."retestDue", CASE WHEN t."retestDue" THEN 'certificate_reassessment' END,
              CASE WHEN t."retestDue" THEN now() END
         FROM jsonb_to_recordset($1::jsonb) AS t(key text, "productId" uuid, cases jsonb,
              result text, "daysAgo" int, "retestDue" boolean)
       ON CONFLICT (seed_key) WHERE seed_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [JSON.stringify(rows), ctx.standard, ctx.checker],
    );
    return { interopTests: inserted.length };
  }
}
