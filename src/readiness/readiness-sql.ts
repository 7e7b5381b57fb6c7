/**
 * Readiness, computed in SQL (never stored): one statement per read whatever the number of
 * councils. `readinessCtes` ends in `readiness`, one row per critical date × council in
 * its scope (a council of one of its nations with a non-withdrawn adoption of one of its
 * services), judged on the worst of those adoptions:
 *
 * - ready: the adoption is live, or has reached the rule's stage with that stage's (and
 *   earlier stages') mandatory steps done (when the rule asks for them);
 * - not ready: paused, or the deadline (date − days before) has passed;
 * - at risk: at the stage with steps outstanding, one stage short, or its target date for
 *   the stage is on or before the deadline;
 * - not ready otherwise (stage too early).
 */
export const TODAY_SQL = `(now() AT TIME ZONE 'UTC')::date`;

const STAGE_ORDER = `ARRAY['not_started','planning','procurement','implementation','testing','live']::text[]`;
const rank = (e: string) => `(array_position(${STAGE_ORDER}, ${e}) - 1)`;

const STATUS_OF_REASON = `CASE WHEN reason IN ('live', 'stage_reached') THEN 'ready'
  WHEN reason IN ('steps_outstanding', 'one_stage_short', 'planned_in_time') THEN 'at_risk'
  ELSE 'not_ready' END`;

/**
 * `datesWhere` filters `critical_dates cd`; `adoptionsWhere` filters `adoptions a`. The
 * adoptions concerned are materialised once; mandatory steps not done are counted with
 * one join (no per-row subquery), so the cost grows linearly with the councils.
 */
export const readinessCtes = (datesWhere: string, adoptionsWhere = 'true') => `
d AS MATERIALIZED (
  SELECT cd.id, cd.service_ids, cd.nations, cd.min_stage, cd.mandatory_steps,
         cd.date - cd.days_before AS deadline
    FROM critical_dates cd WHERE ${datesWhere}),
per_adoption AS MATERIALIZED (
  SELECT d.id AS date_id, a.id AS adoption_id, a.council_id, a.service_id, o.gss_code, o.name,
         o.region, o.nation, s.code AS service_code, a.stage, d.min_stage, d.deadline,
         d.mandatory_steps, COALESCE(${rank('a.stage')}, -1) AS rank,
         ${rank('d.min_stage')} AS min_rank, (a.target_dates ->> d.min_stage)::date AS planned
    FROM d
    JOIN adoptions a ON a.service_id = ANY(d.service_ids) AND a.stage <> 'withdrawn'
    JOIN organisations o ON o.id = a.council_id AND o.nation = ANY(d.nations)
    JOIN services s ON s.id = a.service_id
   WHERE ${adoptionsWhere}),
outstanding AS (
  SELECT p.date_id, p.adoption_id, count(*)::int AS n
    FROM per_adoption p
    CROSS JOIN LATERAL (SELECT COALESCE(array_agg(x.step_id), '{}') AS ids
                          FROM adoption_steps x WHERE x.adoption_id = p.adoption_id) done
    JOIN success_steps st ON st.service_id = p.service_id AND st.active AND st.mandatory
                         AND ${rank('st.stage')} <= p.min_rank
   WHERE p.mandatory_steps AND p.rank >= p.min_rank AND NOT st.id = ANY(done.ids)
   GROUP BY p.date_id, p.adoption_id),
judged AS MATERIALIZED (
  SELECT p.*, COALESCE(os.n, 0) AS steps_outstanding, CASE
           WHEN p.stage = 'live' THEN 'live'
           WHEN p.rank >= p.min_rank AND os.n IS NULL THEN 'stage_reached'
           WHEN p.stage = 'paused' THEN 'paused'
           WHEN ${TODAY_SQL} > p.deadline THEN 'deadline_passed'
           WHEN p.rank >= p.min_rank THEN 'steps_outstanding'
           WHEN p.rank = p.min_rank - 1 THEN 'one_stage_short'
           WHEN p.planned <= p.deadline THEN 'planned_in_time'
           ELSE 'stage_too_early' END AS reason
    FROM per_adoption p
    LEFT JOIN outstanding os ON os.date_id = p.date_id AND os.adoption_id = p.adoption_id),
statused AS MATERIALIZED (
  SELECT j.*, ${STATUS_OF_REASON} AS status FROM judged j),
readiness AS (
  SELECT DISTINCT ON (j.date_id, j.council_id)
         j.date_id, j.council_id, j.gss_code, j.name, j.region, j.nation, j.status, j.reason,
         CASE j.status WHEN 'not_ready' THEN 2 WHEN 'at_risk' THEN 1 ELSE 0 END AS severity,
         j.service_code, j.stage, j.min_stage, j.steps_outstanding, j.deadline::text AS deadline
    FROM statused j
   ORDER BY j.date_id, j.council_id,
            CASE j.status WHEN 'not_ready' THEN 2 WHEN 'at_risk' THEN 1 ELSE 0 END DESC,
            j.service_code)`;

/** Counts per status overall, by nation and by region, from `readiness` (one statement). */
export const READINESS_COUNTS_SELECT = `
SELECT CASE WHEN GROUPING(r.nation) = 0 THEN 'nation'
            WHEN GROUPING(r.region) = 0 THEN 'region' ELSE 'total' END AS by,
       COALESCE(r.nation, r.region) AS key, r.status, count(*)::int AS n
  FROM readiness r
 GROUP BY GROUPING SETS ((r.status), (r.nation, r.status), (r.region, r.status))`;
