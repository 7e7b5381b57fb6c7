/**
 * What leaves the system unsigned, decided here and nowhere else. Each public view is a
 * map of output field → the SQL expression that fills it; the statements in
 * public-queries.ts select exactly these fields, the open-data files write exactly these
 * fields (CSV columns, JSON keys) and the public pages read only these rows. Adding a
 * field here publishes it: docs/architecture.md ("Open by default") lists every field,
 * and test/public-leak.e2e-spec.ts fails when a field carries an internal column's value.
 *
 * Aliases: `a` adoptions, `o` the council (organisations), `s` services, `p` products,
 * `sup` the supplier (organisations), `c` certificates, `ue` the latest published
 * usability evaluation.
 */
export const PUBLIC_ADOPTION_FIELDS = {
  councilGssCode: 'o.gss_code',
  councilName: 'o.name',
  nation: 'o.nation',
  region: 'o.region',
  serviceCode: 's.code',
  serviceName: 's.name',
  stage: 'a.stage',
  stageSince: `to_char(a.stage_entered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
  goLiveDate: `to_char(a.go_live_date, 'YYYY-MM-DD')`,
} as const;

export const PUBLIC_CERTIFIED_PRODUCT_FIELDS = {
  serviceCode: 's.code',
  serviceName: 's.name',
  productName: 'p.name',
  productVersion: 'p.product_version',
  supplierName: 'sup.name',
  /** The number the public verification page (/verify-certificate/{number}) takes. */
  certificateNumber: 'c.certificate_number',
  certificateStatus: 'c.status',
  certificateValidFrom: `to_char(c.valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
  certificateExpiresOn: `to_char(c.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
  usabilitySusScore: 'ue.sus_score::text',
  usabilityTaskCompletionPercent: 'ue.task_completion_percent::text',
  usabilityWcagLevel: 'ue.wcag_level',
  usabilityEvaluatedOn: `to_char(ue.evaluated_on, 'YYYY-MM-DD')`,
  usabilityReportUrl: 'ue.report_url',
} as const;

/** One row per service: adoptions in each stage and the share live (figures only). */
export const PUBLIC_SERVICE_ROLLOUT_FIELDS = {
  serviceCode: 's.code',
  serviceName: 's.name',
  adoptions: 'x.total',
  stages: 'x.stages',
  live: 'x.live',
  pctLive: 'x.pct_live',
} as const;

/** One row per nation and per region: councils, live adoptions and the share live. */
export const PUBLIC_AREA_ROLLOUT_FIELDS = {
  level: `CASE WHEN g.is_nation THEN 'nation' ELSE 'region' END`,
  nation: 'g.nation',
  region: 'g.region',
  councils: 'g.councils',
  adoptions: 'g.total',
  live: 'g.live',
  pctLive: 'g.pct_live',
} as const;

/** One row per month: adoptions live at the end of it, and how many went live in it. */
export const PUBLIC_TREND_FIELDS = {
  month: 'm.month',
  live: 'm.live',
  wentLive: 'm.went_live',
} as const;

/** One row per council in scope of at least one service (the public councils list). */
export const PUBLIC_COUNCIL_FIELDS = {
  gssCode: 'o.gss_code',
  name: 'o.name',
  nation: 'o.nation',
  region: 'o.region',
  services: 'count(a.id)::int',
  live: `count(a.id) FILTER (WHERE a.stage = 'live')::int`,
} as const;

type Cell = string | null;
type Row<F> = { readonly [K in keyof F]: Cell };

export type PublicAdoption = Row<typeof PUBLIC_ADOPTION_FIELDS>;
export type PublicCertifiedProduct = Row<typeof PUBLIC_CERTIFIED_PRODUCT_FIELDS>;
export interface PublicServiceRollout {
  serviceCode: string;
  serviceName: string;
  adoptions: number;
  stages: Record<string, number>;
  live: number;
  pctLive: number;
}
export interface PublicAreaRollout {
  level: 'nation' | 'region';
  nation: string;
  region: string | null;
  councils: number;
  adoptions: number;
  live: number;
  pctLive: number;
}
export interface PublicTrendMonth {
  month: string;
  live: number;
  wentLive: number;
}
export interface PublicCouncil {
  gssCode: string;
  name: string;
  nation: string;
  region: string | null;
  services: number;
  live: number;
}

/** The national rollout as published (page and nothing internal). */
export interface PublicRollout {
  totals: { adoptions: number; live: number; pctLive: number };
  byService: PublicServiceRollout[];
  byNation: PublicAreaRollout[];
  byRegion: PublicAreaRollout[];
  trend: PublicTrendMonth[];
}

/** `expr AS "field"` for every field of a view, in order. */
export const selectList = (fields: Record<string, string>): string =>
  Object.entries(fields)
    .map(([name, expr]) => `${expr} AS "${name}"`)
    .join(', ');
