import { ADOPTION_STAGES } from '../adoption/adoption-stage.js';
import { CERTIFYING_STATUSES } from '../conformance/certificate-status.js';
import { COUNCIL_VISIBLE_PRODUCT_STATUSES } from '../products/product-lifecycle.js';
import {
  PUBLIC_ADOPTION_FIELDS,
  PUBLIC_AREA_ROLLOUT_FIELDS,
  PUBLIC_CERTIFIED_PRODUCT_FIELDS,
  PUBLIC_COUNCIL_FIELDS,
  PUBLIC_SERVICE_ROLLOUT_FIELDS,
  PUBLIC_TREND_FIELDS,
  selectList,
} from './public-views.js';

/**
 * The only SQL that fills public output. Each statement selects the fields of one view in
 * public-views.ts and nothing else; the field maps are parameters so a test can show what
 * would leak if a map held an internal column.
 */
const quoted = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/**
 * The data's last-change marker: the newest change to anything public output reads, and
 * the row counts (so a deleted row moves it too). Cheap: max and count over the tables.
 */
export const LAST_CHANGE_SQL = `
  SELECT greatest(
           (SELECT max(updated_at) FROM adoptions),
           (SELECT max(occurred_at) FROM adoption_history),
           (SELECT max(updated_at) FROM organisations),
           (SELECT max(updated_at) FROM services),
           (SELECT max(updated_at) FROM products),
           (SELECT max(updated_at) FROM certificates),
           (SELECT max(updated_at) FROM usability_evaluations)) AS changed_at,
         concat_ws('.', (SELECT count(*) FROM adoptions), (SELECT count(*) FROM organisations),
           (SELECT count(*) FROM services), (SELECT count(*) FROM products),
           (SELECT count(*) FROM certificates),
           (SELECT count(*) FROM usability_evaluations)) AS counts`;

/** Every adoption (council × service), councils in GSS order. */
export const adoptionsSql = (fields: Record<string, string> = PUBLIC_ADOPTION_FIELDS) => `
  SELECT ${selectList(fields)}
    FROM adoptions a
    JOIN organisations o ON o.id = a.council_id
    JOIN services s ON s.id = a.service_id
   ORDER BY o.gss_code, s.code`;

/**
 * Products councils can use (published or in remediation) with a certificate that still
 * certifies them for a service, and the latest published usability evaluation.
 */
export const certifiedProductsSql = (
  fields: Record<string, string> = PUBLIC_CERTIFIED_PRODUCT_FIELDS,
) => `
  SELECT ${selectList(fields)}
    FROM certificates c
    JOIN products p ON p.id = c.product_id
    JOIN organisations sup ON sup.id = p.supplier_id
    JOIN services s ON s.id = c.service_id
    LEFT JOIN LATERAL (
      SELECT * FROM usability_evaluations e
       WHERE e.product_id = p.id AND e.status = 'published'
       ORDER BY e.evaluated_on DESC, e.published_at DESC NULLS LAST LIMIT 1) ue ON true
   WHERE c.status IN (${quoted(CERTIFYING_STATUSES)})
     AND p.status IN (${quoted(COUNCIL_VISIBLE_PRODUCT_STATUSES)})
   ORDER BY s.code, p.name, p.product_version`;

/** Councils with at least one adoption, in GSS order, with how many are live. */
export const COUNCILS_SQL = `
  SELECT ${selectList(PUBLIC_COUNCIL_FIELDS)}
    FROM organisations o JOIN adoptions a ON a.council_id = o.id
   WHERE o.type = 'COUNCIL'
   GROUP BY o.id ORDER BY o.gss_code`;

const STAGES_JSON = `json_build_object(${ADOPTION_STAGES.map(
  (s) => `'${s}', count(*) FILTER (WHERE a.stage = '${s}')::int`,
).join(', ')})`;
const PCT = (live: string, active: string) =>
  `COALESCE(round(100.0 * ${live} / NULLIF(${active}, 0), 1)::float, 0)`;
const rows = (select: string, order: string) =>
  `(SELECT COALESCE(json_agg(t ORDER BY ${order}), '[]') FROM (${select}) t)`;

/**
 * The national rollout, one statement: by service × stage, by nation and region (councils
 * counted once) and the live count at the end of each of the last `months` months. "% live"
 * is live over adoptions not withdrawn, as on the programme's dashboard.
 */
export const rolloutSql = (months: number) => `
  WITH per_council AS (
    SELECT a.council_id, count(*)::int AS total,
           count(*) FILTER (WHERE a.stage = 'live')::int AS live,
           count(*) FILTER (WHERE a.stage <> 'withdrawn')::int AS active
      FROM adoptions a GROUP BY a.council_id),
  moves AS (
    SELECT date_trunc('month', h.occurred_at) AS month,
           sum(CASE WHEN h.to_stage = 'live' THEN 1 ELSE -1 END)::int AS net,
           count(*) FILTER (WHERE h.to_stage = 'live')::int AS went_live
      FROM adoption_history h
     WHERE (h.to_stage = 'live' OR h.from_stage = 'live')
       AND h.to_stage IS DISTINCT FROM h.from_stage
     GROUP BY 1)
  SELECT
    ${rows(
      `SELECT ${selectList(PUBLIC_SERVICE_ROLLOUT_FIELDS)} FROM (
         SELECT a.service_id, count(*)::int AS total, ${STAGES_JSON} AS stages,
                count(*) FILTER (WHERE a.stage = 'live')::int AS live,
                ${PCT(`count(*) FILTER (WHERE a.stage = 'live')`, `count(*) FILTER (WHERE a.stage <> 'withdrawn')`)} AS pct_live
           FROM adoptions a GROUP BY a.service_id) x JOIN services s ON s.id = x.service_id`,
      't."serviceCode"',
    )} AS by_service,
    ${rows(
      `SELECT ${selectList(PUBLIC_AREA_ROLLOUT_FIELDS)} FROM (
         SELECT o.nation, o.region, GROUPING(o.region) = 1 AS is_nation, count(*)::int AS councils,
                sum(pc.total)::int AS total, sum(pc.live)::int AS live,
                ${PCT('sum(pc.live)', 'sum(pc.active)')} AS pct_live
           FROM per_council pc JOIN organisations o ON o.id = pc.council_id
          GROUP BY GROUPING SETS ((o.nation), (o.nation, o.region))) g`,
      't.nation, t.region NULLS FIRST',
    )} AS by_area,
    ${rows(
      `SELECT ${selectList(PUBLIC_TREND_FIELDS)} FROM (
         SELECT to_char(gs.month, 'YYYY-MM') AS month,
                (SELECT COALESCE(sum(net), 0) FROM moves WHERE moves.month <= gs.month)::int AS live,
                COALESCE(mv.went_live, 0) AS went_live
           FROM generate_series(date_trunc('month', now()) - make_interval(months => ${Math.trunc(months) - 1}),
                                date_trunc('month', now()), interval '1 month') AS gs(month)
           LEFT JOIN moves mv ON mv.month = gs.month) m`,
      't.month',
    )} AS trend`;
