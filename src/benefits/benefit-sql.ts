import { SqlParams } from '../common/sql/sql-params.js';
import type { Actor } from '../auth/actor.js';

/**
 * Who reads which benefits, as SQL over alias `b`. Programme staff and agencies read all;
 * a supplier the benefits of services one of its products delivers; a council those of
 * services it has an adoption of. Null: no restriction.
 */
export function visibleBenefitsSql(actor: Actor, p: SqlParams, alias = 'b'): string | null {
  if (actor.role === 'supplier') {
    return `EXISTS (SELECT 1 FROM product_services ps JOIN products p ON p.id = ps.product_id
             WHERE p.supplier_id = ${p.add(actor.organisationId)} AND ps.service_id = ANY(${alias}.service_ids))`;
  }
  if (actor.role === 'council') {
    return `EXISTS (SELECT 1 FROM adoptions a
             WHERE a.council_id = ${p.add(actor.organisationId)} AND a.service_id = ANY(${alias}.service_ids))`;
  }
  return null;
}

/** The latest overall reading of `b`, as a LATERAL join aliased `l` (value, measured_on). */
export const LATEST_READING_JOIN = `LEFT JOIN LATERAL (
    SELECT m.value, m.measured_on FROM benefit_measurements m
     WHERE m.benefit_id = b.id AND m.breakdown IS NULL
     ORDER BY m.measured_on DESC, m.created_at DESC, m.id DESC LIMIT 1) l ON true`;

/** The last 12 overall readings of `b`, oldest first, as JSON `spark` [{date, value}]. */
export const SPARKLINE_JOIN = `LEFT JOIN LATERAL (
    SELECT COALESCE(json_agg(json_build_object('date', x.measured_on, 'value', x.value)
                    ORDER BY x.measured_on, x.created_at, x.id), '[]'::json) AS spark
      FROM (SELECT m.id, m.measured_on, m.created_at, m.value FROM benefit_measurements m
             WHERE m.benefit_id = b.id AND m.breakdown IS NULL
             ORDER BY m.measured_on DESC, m.created_at DESC, m.id DESC LIMIT 12) x) s ON true`;

/** +1 when higher is better, −1 when lower is. */
const SIGN = `(CASE WHEN b.direction = 'higher' THEN 1 ELSE -1 END)`;

/** Where the straight line from baseline to target says `b` should be on `l.measured_on`. */
export const EXPECTED_SQL = `(b.baseline_value + (b.target_value - b.baseline_value) *
  COALESCE(LEAST(1, GREATEST(0, (l.measured_on - b.baseline_date)::numeric
                                / NULLIF(b.target_date - b.baseline_date, 0))), 1))`;

/**
 * The status of `b` from its latest reading `l`: no_data without one; off_track when a
 * threshold is passed; otherwise by the shortfall behind the path, against a tolerance
 * of tolerance_pct % of |target − baseline|: on_track within it, at_risk within twice
 * it, off_track beyond.
 */
export const STATUS_SQL = `(CASE
  WHEN l.value IS NULL THEN 'no_data'
  WHEN b.threshold IS NOT NULL AND ${SIGN} * (l.value - b.threshold) < 0 THEN 'off_track'
  WHEN ${SIGN} * (${EXPECTED_SQL} - l.value)
       <= b.tolerance_pct / 100 * ABS(b.target_value - b.baseline_value) THEN 'on_track'
  WHEN ${SIGN} * (${EXPECTED_SQL} - l.value)
       <= 2 * b.tolerance_pct / 100 * ABS(b.target_value - b.baseline_value) THEN 'at_risk'
  ELSE 'off_track' END)`;

/** Realised value in GBP: improvement of the latest reading over baseline × value per unit. */
export const REALISED_SQL = `(CASE WHEN b.value_per_unit IS NULL OR l.value IS NULL THEN NULL
  ELSE ${SIGN} * (l.value - b.baseline_value) * b.value_per_unit END)`;

/** Is a reading `m` past the threshold of `b`? */
export const PAST_THRESHOLD_SQL = `(${SIGN} * (m.value - b.threshold) < 0)`;

export const BENEFIT_STATUSES = ['on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type BenefitStatus = (typeof BENEFIT_STATUSES)[number];
