import { STAGE_RANK_SQL } from '../adoption/adoption-lifecycle.js';
import {
  ADOPTION_SELECT,
  type AdoptionRow,
  blockingDependenciesSql,
  CERTIFYING_SQL,
  USABLE_PRODUCT_SQL,
} from '../adoption/adoption-queries.js';
import { ADOPTION_STAGES } from '../adoption/adoption-stage.js';
import { councilAndService } from '../adoption/adoption-views.js';
import { SqlParams } from '../common/sql/sql-params.js';
import { OPEN_STATUSES } from '../risks/risk-lifecycle.js';

/**
 * The dashboards' SQL, as plain functions returning `{ sql, params }`, and the pure
 * functions that shape their rows: the api runs them through TypeORM, the benchmark's
 * bare Fastify + pg baseline runs the very same. Every aggregate is computed in
 * Postgres; the number of statements is fixed, whatever the number of councils.
 */
export interface Statement {
  sql: string;
  params: unknown[];
}

export interface DashboardFilters {
  serviceId?: string;
  nation?: string;
  region?: string;
  /** Adoptions whose route (product, or shared service operated) is this supplier's. */
  supplierId?: string;
  /** Adoptions of councils in this council group. */
  councilGroupId?: string;
}

const STAGE_COUNTS = ADOPTION_STAGES.map(
  (s) => `count(*) FILTER (WHERE a.stage = '${s}')::int AS "${s}"`,
).join(', ');
const LIVE_PCT = `round(100.0 * count(*) FILTER (WHERE a.stage = 'live') / NULLIF(count(*) FILTER (WHERE a.stage <> 'withdrawn'), 0), 1)::float AS pct_live`;

/** The filters as `AND …` over `a` (adoptions) and `o` (its council). */
function andFilters(f: DashboardFilters, p: SqlParams): string {
  const parts: string[] = [];
  if (f.serviceId) parts.push(`a.service_id = ${p.add(f.serviceId)}`);
  if (f.nation) parts.push(`o.nation = ${p.add(f.nation)}`);
  if (f.region) parts.push(`o.region = ${p.add(f.region)}`);
  if (f.supplierId) {
    const sup = p.add(f.supplierId);
    parts.push(`(a.product_id IN (SELECT id FROM products WHERE supplier_id = ${sup})
      OR a.shared_service_id IN (SELECT id FROM shared_services WHERE operator_id = ${sup}))`);
  }
  if (f.councilGroupId) {
    parts.push(`a.council_id IN (SELECT council_id FROM council_group_members
      WHERE group_id = ${p.add(f.councilGroupId)})`);
  }
  return parts.length ? `AND ${parts.join(' AND ')}` : '';
}

/** Filters over `a` (adoptions) and, when a nation or region is asked for, `o` (its council);
 * supplier and council group are subqueries over `a`. */
function scoped(f: DashboardFilters, p: SqlParams): string {
  const join = f.nation || f.region ? 'JOIN organisations o ON o.id = a.council_id' : '';
  return `SELECT a.id, a.council_id, a.service_id, a.stage, a.route_type, a.product_id, a.shared_service_id
    FROM adoptions a ${join} WHERE true ${andFilters(f, p)}`;
}

const jsonRows = (select: string, order: string) =>
  `(SELECT COALESCE(json_agg(t ORDER BY ${order}), '[]') FROM (${select}) t)`;

/**
 * One statement, four aggregates as JSON columns: by service × stage, by nation and region
 * (councils counted once: adoptions are first summed per council), by supplier, and the
 * live count per month from the history. The filtered adoptions are read once.
 */
export function adoptionDashboardStatement(f: DashboardFilters, months = 12): Statement {
  const p = new SqlParams();
  const sql = `
    WITH a AS MATERIALIZED (${scoped(f, p)}),
    per_council AS (
      SELECT a.council_id, count(*)::int AS total,
             count(*) FILTER (WHERE a.stage = 'live')::int AS live,
             count(*) FILTER (WHERE a.stage NOT IN ('not_started', 'live', 'withdrawn'))::int AS in_progress,
             count(*) FILTER (WHERE a.stage <> 'withdrawn')::int AS active
        FROM a GROUP BY a.council_id),
    moves AS (
      SELECT date_trunc('month', h.occurred_at) AS month,
             sum(CASE WHEN h.to_stage = 'live' THEN 1 ELSE -1 END)::int AS net,
             count(*) FILTER (WHERE h.to_stage = 'live')::int AS went_live,
             count(*) FILTER (WHERE h.from_stage = 'live')::int AS left_live
        FROM adoption_history h JOIN a ON a.id = h.adoption_id
       WHERE (h.to_stage = 'live' OR h.from_stage = 'live')
         AND h.to_stage IS DISTINCT FROM h.from_stage
       GROUP BY 1)
    SELECT
      ${jsonRows(
        `SELECT s.id, s.code, s.name, x.* FROM (
           SELECT a.service_id, count(*)::int AS total, ${STAGE_COUNTS}, ${LIVE_PCT}
             FROM a GROUP BY a.service_id) x JOIN services s ON s.id = x.service_id`,
        't.code',
      )} AS by_service,
      ${jsonRows(
        `SELECT o.nation, o.region, GROUPING(o.region) = 1 AS is_nation,
                count(*)::int AS councils, sum(pc.total)::int AS total, sum(pc.live)::int AS live,
                sum(pc.in_progress)::int AS in_progress,
                round(100.0 * sum(pc.live) / NULLIF(sum(pc.active), 0), 1)::float AS pct_live
           FROM per_council pc JOIN organisations o ON o.id = pc.council_id
          GROUP BY GROUPING SETS ((o.nation), (o.nation, o.region))`,
        't.nation NULLS LAST, t.is_nation DESC, t.region NULLS FIRST',
      )} AS by_geography,
      ${jsonRows(
        `SELECT sup.id, sup.name, count(DISTINCT a.council_id)::int AS councils,
                count(*)::int AS adoptions,
                count(*) FILTER (WHERE a.stage = 'live')::int AS live,
                count(DISTINCT a.council_id) FILTER (WHERE a.stage = 'live')::int AS live_councils,
                count(*) FILTER (WHERE a.route_type = 'shared_service')::int AS via_shared_services
           FROM a
           LEFT JOIN products p ON p.id = a.product_id
           LEFT JOIN shared_services ss ON ss.id = a.shared_service_id
           JOIN organisations sup ON sup.id = COALESCE(p.supplier_id, ss.operator_id)
          WHERE a.route_type IS NOT NULL
          GROUP BY sup.id, sup.name`,
        't.councils DESC, t.name',
      )} AS by_supplier,
      ${jsonRows(
        `SELECT to_char(m.month, 'YYYY-MM') AS month,
                (SELECT COALESCE(sum(net), 0) FROM moves WHERE moves.month <= m.month)::int AS live,
                COALESCE(mv.went_live, 0) AS went_live, COALESCE(mv.left_live, 0) AS left_live
           FROM generate_series(date_trunc('month', now()) - make_interval(months => ${p.add(months - 1)}::int),
                                date_trunc('month', now()), interval '1 month') AS m(month)
           LEFT JOIN moves mv ON mv.month = m.month`,
        't.month',
      )} AS live_trend`;
  return { sql, params: p.values };
}

type Row = Record<string, unknown>;

/** What the dashboards can be filtered by, as `{ value, text }` options, in one statement. */
export function filterOptionsStatement(): Statement {
  const options = (value: string, text: string, from: string, order: string) =>
    `(SELECT COALESCE(json_agg(json_build_object('value', ${value}, 'text', ${text}) ORDER BY ${order}), '[]') ${from})`;
  const sql = `SELECT
    ${options('s.id', `s.code || ' – ' || s.name`, 'FROM services s', 's.code')} AS services,
    ${options('o.id', 'o.name', `FROM organisations o WHERE o.type = 'SUPPLIER'`, 'o.name')} AS suppliers,
    ${options('g.id', 'g.name', 'FROM council_groups g', 'g.name')} AS council_groups`;
  return { sql, params: [] };
}

export interface FilterOption {
  value: string;
  text: string;
}

export function shapeFilterOptions([row]: Row[]) {
  return {
    services: row.services as FilterOption[],
    suppliers: row.suppliers as FilterOption[],
    councilGroups: row.council_groups as FilterOption[],
  };
}

/** Shapes the dashboard statement's one row. */
export function shapeAdoptionDashboard([row]: Row[]) {
  const services = row.by_service as Row[];
  const geo = row.by_geography as Row[];
  const suppliers = row.by_supplier as Row[];
  const trend = row.live_trend as Row[];
  const stages = (r: Row) => Object.fromEntries(ADOPTION_STAGES.map((s) => [s, r[s] as number]));
  const byService = services.map((r) => ({
    service: { id: r.id, code: r.code, name: r.name },
    total: r.total as number,
    stages: stages(r),
    live: r.live as number,
    pctLive: (r.pct_live as number | null) ?? 0,
  }));
  const total = byService.reduce((n, s) => n + s.total, 0);
  const live = byService.reduce((n, s) => n + s.live, 0);
  const withdrawn = byService.reduce((n, s) => n + (s.stages.withdrawn ?? 0), 0);
  const geoRow = (r: Row) => ({
    councils: r.councils as number,
    total: r.total as number,
    live: r.live as number,
    inProgress: r.in_progress as number,
    pctLive: (r.pct_live as number | null) ?? 0,
  });
  return {
    totals: {
      adoptions: total,
      live,
      pctLive: total - withdrawn > 0 ? Math.round((1000 * live) / (total - withdrawn)) / 10 : 0,
    },
    byService,
    byNation: geo.filter((r) => r.is_nation).map((r) => ({ nation: r.nation, ...geoRow(r) })),
    byRegion: geo
      .filter((r) => !r.is_nation)
      .map((r) => ({ nation: r.nation, region: r.region, ...geoRow(r) })),
    bySupplier: suppliers.map((r) => ({
      supplier: { id: r.id, name: r.name },
      councils: r.councils as number,
      adoptions: r.adoptions as number,
      live: r.live as number,
      liveCouncils: r.live_councils as number,
      viaSharedServices: r.via_shared_services as number,
    })),
    liveTrend: trend.map((r) => ({
      month: r.month as string,
      live: r.live as number,
      wentLive: r.went_live as number,
      leftLive: r.left_live as number,
    })),
  };
}

/**
 * Adoptions needing attention, each with its reasons: flagged by a knock-on event, past
 * a target date for a stage not reached, stalled (in one stage of the work longer than
 * `stalledDays`), route product suspended/unpublished or without a certifying certificate,
 * and — at testing or live — a `depends_on` service not live for the council. Withdrawn
 * adoptions are left out. One statement (rows plus the total, right past the last page too).
 */
export function attentionStatement(
  f: DashboardFilters,
  opts: { stalledDays: number; limit: number; offset: number; today: string },
): Statement {
  const p = new SqlParams();
  const where = andFilters(f, p);
  const today = p.add(opts.today);
  const stalled = p.add(opts.stalledDays);
  const sql = `
    WITH scoped AS (
      SELECT a.id, a.council_id, a.service_id, a.stage, a.stage_entered_at, a.target_dates,
             a.route_type, a.product_id, a.attention_required, a.attention_reason,
             o.name AS council_name, o.gss_code, o.nation, o.region,
             s.code AS service_code, s.name AS service_name,
             p.name AS product_name, p.status AS product_status
        FROM adoptions a
        JOIN organisations o ON o.id = a.council_id
        JOIN services s ON s.id = a.service_id
        LEFT JOIN products p ON p.id = a.product_id
       WHERE a.stage <> 'withdrawn' ${where}),
    reasons AS (
      SELECT x.*, array_remove(ARRAY[
        CASE WHEN x.attention_required THEN jsonb_build_object(
          'code', 'flagged', 'detail', COALESCE(x.attention_reason, 'Flagged for attention')) END,
        (SELECT jsonb_build_object('code', 'past_target_date',
                'detail', 'Target for ' || t.key || ' was ' || t.value)
           FROM jsonb_each_text(x.target_dates) t
          WHERE t.value < ${today} AND ${STAGE_RANK_SQL('t.key')} > ${STAGE_RANK_SQL('x.stage')}
          ORDER BY t.value LIMIT 1),
        CASE WHEN x.stage NOT IN ('not_started', 'live')
              AND x.stage_entered_at < now() - make_interval(days => ${stalled}::int)
             THEN jsonb_build_object('code', 'stalled', 'detail',
                  'In ' || x.stage || ' since ' || to_char(x.stage_entered_at, 'YYYY-MM-DD')) END,
        CASE WHEN x.route_type = 'product' AND x.product_status NOT IN ${USABLE_PRODUCT_SQL}
             THEN jsonb_build_object('code', 'route_suspended', 'detail',
                  'Product "' || x.product_name || '" is ' || x.product_status)
             WHEN x.route_type = 'product' AND NOT EXISTS (
                  SELECT 1 FROM certificates c WHERE c.product_id = x.product_id
                     AND c.service_id = x.service_id AND c.status IN ${CERTIFYING_SQL})
             THEN jsonb_build_object('code', 'route_uncertified', 'detail',
                  'Product "' || x.product_name || '" holds no valid certificate for ' || x.service_code) END,
        CASE WHEN x.stage IN ('testing', 'live') THEN (
          SELECT jsonb_build_object('code', 'dependency_not_live', 'detail',
                 'Depends on ' || string_agg(d.code || ' (' || d.name || ')', ', ') || ', not live for this council')
            FROM (${blockingDependenciesSql('x.council_id', 'x.service_id')}) d
          HAVING count(*) > 0) END
      ], NULL) AS reasons
      FROM scoped x),
    flagged AS (SELECT * FROM reasons r WHERE cardinality(r.reasons) > 0)
    SELECT pg.*, t.total
      FROM (SELECT count(*)::int AS total FROM flagged) t
      LEFT JOIN LATERAL (
        SELECT r.id, r.council_id, r.council_name, r.gss_code, r.nation, r.region,
               r.service_id, r.service_code, r.service_name, r.stage, r.stage_entered_at,
               r.reasons
          FROM flagged r
         ORDER BY r.council_name, r.service_code
         LIMIT ${p.add(opts.limit)} OFFSET ${p.add(opts.offset)}) pg ON true`;
  return { sql, params: p.values };
}

export function shapeAttention(all: Row[]) {
  // One row with a null id and the total when the page is past the last one.
  const rows = all.filter((r) => r.id !== null);
  return {
    data: rows.map((r) => ({
      adoptionId: r.id,
      ...councilAndService(r as Parameters<typeof councilAndService>[0]),
      stage: r.stage,
      stageEnteredAt: r.stage_entered_at,
      reasons: r.reasons as { code: string; detail: string }[],
    })),
    total: (all[0]?.total as number | undefined) ?? 0,
  };
}

/**
 * A council's status in one statement (JSON columns): the council; every adoption with its
 * route, the route's certificate and the next target date; its approved variances in
 * force; the open risks scoped to it.
 */
export function councilStatusStatement(councilId: string, today: string): Statement {
  const open = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');
  const sql = `
    SELECT
      (SELECT row_to_json(c) FROM (
         SELECT id, name, gss_code, council_type, nation, region
           FROM organisations WHERE id = $1 AND type = 'COUNCIL') c) AS council,
      ${jsonRows(
        `SELECT x.*, nt.key AS next_target_stage, nt.value AS next_target_date FROM (
           ${ADOPTION_SELECT} WHERE a.council_id = $1) x
           LEFT JOIN LATERAL (
             SELECT t.key, t.value FROM jsonb_each_text(x.target_dates) t
              WHERE ${STAGE_RANK_SQL('t.key')} > ${STAGE_RANK_SQL('x.stage')}
              ORDER BY ${STAGE_RANK_SQL('t.key')} LIMIT 1) nt ON true`,
        't.service_code',
      )} AS adoptions,
      ${jsonRows(
        `SELECT v.id, v.adoption_id, v.requirement_code, v.description, v.expires_on::text AS expires_on
           FROM local_variances v
          WHERE v.council_id = $1 AND v.status = 'approved' AND v.expires_on >= $2::date`,
        't.requirement_code',
      )} AS variances,
      ${jsonRows(
        `SELECT r.id, r.reference, r.kind, r.title, r.status, r.service_id, r.residual_score,
                r.next_review_at
           FROM risks r
          WHERE r.scope = 'council' AND r.council_id = $1 AND r.status IN (${open})`,
        't.residual_score DESC, t.reference',
      )} AS risks`;
  return { sql, params: [councilId, today] };
}

/** JSON timestamps arrive as text with an offset: give them the api's usual ISO form. */
const iso = (v: unknown) => (typeof v === 'string' ? new Date(v).toISOString() : null);

export function shapeCouncilStatus([row]: Row[]) {
  const council = row.council as Row | null;
  if (!council) return null;
  const adoptions = row.adoptions as Row[];
  const variances = row.variances as Row[];
  const risks = row.risks as Row[];
  const variancesOf = (adoptionId: unknown) =>
    variances
      .filter((v) => v.adoption_id === adoptionId)
      .map((v) => ({
        id: v.id,
        requirementCode: v.requirement_code,
        description: v.description,
        expiresOn: v.expires_on,
      }));
  return {
    council: {
      id: council.id,
      name: council.name,
      gssCode: council.gss_code,
      councilType: council.council_type,
      nation: council.nation,
      region: council.region,
    },
    services: (adoptions as (AdoptionRow & Row)[]).map((a) => ({
      adoptionId: a.id,
      service: { id: a.service_id, code: a.service_code, name: a.service_name },
      stage: a.stage,
      stageEnteredAt: iso(a.stage_entered_at),
      route: a.route_type
        ? {
            type: a.route_type,
            productId: a.product_id,
            productName: a.product_name,
            productStatus: a.product_status,
            sharedServiceId: a.shared_service_id,
            sharedServiceName: a.shared_service_name,
            supplierName: a.supplier_name,
          }
        : null,
      certificateStatus: a.certificate_status,
      certificateExpiresAt: iso(a.certificate_expires_at),
      approvedVariances: variancesOf(a.id),
      nextTarget: a.next_target_stage
        ? { stage: a.next_target_stage, date: a.next_target_date }
        : null,
      goLiveDate: a.go_live_date,
      attentionRequired: a.attention_required,
      attentionReason: a.attention_reason,
      version: a.version,
    })),
    summary: {
      services: adoptions.length,
      live: adoptions.filter((a) => a.stage === 'live').length,
    },
    openRisks: risks.map((r) => ({
      id: r.id,
      reference: r.reference,
      kind: r.kind,
      title: r.title,
      status: r.status,
      serviceId: r.service_id,
      residualScore: r.residual_score,
      nextReviewAt: iso(r.next_review_at),
    })),
  };
}
