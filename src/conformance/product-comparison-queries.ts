import type { Actor } from '../auth/actor.js';
import { SqlParams } from '../common/sql/sql-params.js';
import { visibleProductsSql } from '../products/product-access.js';
import type { WorksWithEntry } from './works-with.js';

/**
 * A service's products side by side, in two SQL statements whatever the number of
 * products (the service, then one aggregate with CTEs). Per product: the assessment
 * used is its latest approved submission for the service, else its latest submitted
 * one; an item is met when the reviewer's verdict (or, without one, the supplier's
 * self-assessment) is `meets`, not met when it is partial / does_not_meet / unanswered
 * (not_applicable is neither).
 *
 * The statements and the row shaping, shared by `ProductComparisonService` and the
 * adoption benchmark's bare Fastify + pg server, so both run exactly the same SQL.
 */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** The service the comparison is for (no row: 404). */
export const comparisonServiceStatement = (serviceId: string): Statement => ({
  sql: `SELECT id, code, name FROM services WHERE id = $1`,
  params: [serviceId],
});

export interface ComparisonService {
  id: string;
  code: string;
  name: string;
}

/** One product's row of the comparison statement (LEFT JOINs: absent parts are null). */
export interface ComparisonRow {
  id: string;
  name: string;
  product_version: string;
  status: string;
  supplier_id: string;
  supplier_name: string;
  submission_id: string | null;
  submission_status: string | null;
  submission_result: string | null;
  must_total: number | null;
  must_met: number | null;
  should_total: number | null;
  should_met: number | null;
  may_total: number | null;
  may_met: number | null;
  not_met: string[] | null;
  passed: number | null;
  failed: number | null;
  not_testable: number | null;
  certificate_id: string | null;
  certificate_status: string | null;
  expires_at: Date | null;
  reassessment_deadline: string | null;
  set_version: number | null;
  sus_score: number | null;
  task_completion_percent: number | null;
  wcag_level: string | null;
  evaluated_on: string | null;
  councils_live: number;
}

/** The one aggregate: the service's products the caller may see, with every part of their row. */
export function productComparisonStatement(actor: Actor, serviceId: string): Statement {
  const vis = new SqlParams(1);
  const scope = visibleProductsSql(actor, vis, 'pr');
  return {
    sql: `WITH p AS (
       SELECT pr.id, pr.name, pr.product_version, pr.status, pr.supplier_id, o.name AS supplier_name
         FROM products pr
         JOIN product_services ps ON ps.product_id = pr.id AND ps.service_id = $1
         JOIN organisations o ON o.id = pr.supplier_id
        ${scope ? `WHERE ${scope}` : ''}
     ), sub AS (
       SELECT DISTINCT ON (s.product_id) s.id, s.product_id, s.status, s.result, s.round
         FROM conformance_submissions s JOIN p ON p.id = s.product_id
        WHERE s.service_id = $1 AND s.status <> 'draft'
        ORDER BY s.product_id, (s.result = 'approved') DESC NULLS LAST, s.submitted_at DESC NULLS LAST
     ), items AS (
       SELECT i.submission_id,
              count(*) FILTER (WHERE i.level = 'MUST')::int AS must_total,
              count(*) FILTER (WHERE i.level = 'MUST' AND coalesce(i.verdict, i.self_assessment) = 'meets')::int AS must_met,
              count(*) FILTER (WHERE i.level = 'SHOULD')::int AS should_total,
              count(*) FILTER (WHERE i.level = 'SHOULD' AND coalesce(i.verdict, i.self_assessment) = 'meets')::int AS should_met,
              count(*) FILTER (WHERE i.level = 'MAY')::int AS may_total,
              count(*) FILTER (WHERE i.level = 'MAY' AND coalesce(i.verdict, i.self_assessment) = 'meets')::int AS may_met,
              coalesce(array_agg(i.code ORDER BY i.position)
                FILTER (WHERE coalesce(i.verdict, i.self_assessment, 'unanswered') NOT IN ('meets', 'not_applicable')),
                '{}') AS not_met
         FROM submission_items i JOIN sub ON sub.id = i.submission_id
        GROUP BY i.submission_id
     ), checks AS (
       SELECT x.submission_id,
              count(*) FILTER (WHERE x.check_status = 'passed')::int AS passed,
              count(*) FILTER (WHERE x.check_status = 'failed')::int AS failed,
              count(*) FILTER (WHERE x.check_status = 'not_testable')::int AS not_testable
         FROM submission_samples x JOIN sub ON sub.id = x.submission_id
        GROUP BY x.submission_id
     ), cert AS (
       SELECT DISTINCT ON (c.product_id) c.product_id, c.id, c.status, c.expires_at,
              c.reassessment_deadline::text AS reassessment_deadline, rs.version AS set_version
         FROM certificates c JOIN p ON p.id = c.product_id
         JOIN requirement_sets rs ON rs.id = c.requirement_set_id
        WHERE c.service_id = $1
        ORDER BY c.product_id, (c.status IN ('valid', 'reassessment_due')) DESC, c.valid_from DESC
     ), ux AS (
       SELECT DISTINCT ON (e.product_id) e.product_id, e.sus_score, e.task_completion_percent,
              e.wcag_level, e.evaluated_on::text AS evaluated_on
         FROM usability_evaluations e JOIN p ON p.id = e.product_id
        WHERE e.status = 'published'
        ORDER BY e.product_id, e.evaluated_on DESC, e.created_at DESC
     ), live AS (
       SELECT a.product_id, count(*)::int AS councils
         FROM adoptions a JOIN p ON p.id = a.product_id
        WHERE a.service_id = $1 AND a.stage = 'live'
        GROUP BY a.product_id
     )
     SELECT p.*, sub.id AS submission_id, sub.status AS submission_status, sub.result AS submission_result,
            items.must_total, items.must_met, items.should_total, items.should_met,
            items.may_total, items.may_met, items.not_met,
            checks.passed, checks.failed, checks.not_testable,
            cert.id AS certificate_id, cert.status AS certificate_status, cert.expires_at,
            cert.reassessment_deadline, cert.set_version,
            ux.sus_score, ux.task_completion_percent, ux.wcag_level, ux.evaluated_on,
            coalesce(live.councils, 0) AS councils_live
       FROM p
       LEFT JOIN sub ON sub.product_id = p.id
       LEFT JOIN items ON items.submission_id = sub.id
       LEFT JOIN checks ON checks.submission_id = sub.id
       LEFT JOIN cert ON cert.product_id = p.id
       LEFT JOIN ux ON ux.product_id = p.id
       LEFT JOIN live ON live.product_id = p.id
      ORDER BY p.supplier_name, p.name, p.product_version, p.id`,
    params: [serviceId, ...vis.values],
  };
}

/**
 * The rows as the API shows them; `worksWith` per product id for a council (null
 * otherwise: the field is null on every row).
 */
export const shapeProductComparison = (
  service: ComparisonService,
  rows: ComparisonRow[],
  worksWith: Map<string, WorksWithEntry[]> | null,
) => ({
  service,
  data: rows.map((r) => ({
    productId: r.id,
    name: r.name,
    productVersion: r.product_version,
    status: r.status,
    supplier: { id: r.supplier_id, name: r.supplier_name },
    certificate: r.certificate_id
      ? {
          id: r.certificate_id,
          status: r.certificate_status,
          expiresAt: r.expires_at,
          reassessmentDeadline: r.reassessment_deadline,
          requirementSetVersion: r.set_version,
        }
      : null,
    assessment: r.submission_id
      ? {
          submissionId: r.submission_id,
          status: r.submission_status,
          result: r.submission_result,
        }
      : null,
    met: {
      MUST: { met: r.must_met ?? 0, of: r.must_total ?? 0 },
      SHOULD: { met: r.should_met ?? 0, of: r.should_total ?? 0 },
      MAY: { met: r.may_met ?? 0, of: r.may_total ?? 0 },
    },
    requirementsNotMet: r.not_met ?? [],
    standardChecks: {
      passed: r.passed ?? 0,
      failed: r.failed ?? 0,
      notTestable: r.not_testable ?? 0,
    },
    usability:
      r.sus_score === null
        ? null
        : {
            susScore: r.sus_score,
            taskCompletionPercent: r.task_completion_percent,
            wcagLevel: r.wcag_level,
            evaluatedOn: r.evaluated_on,
          },
    councilsLive: r.councils_live,
    worksWith: worksWith ? (worksWith.get(r.id) ?? []) : null,
  })),
});
