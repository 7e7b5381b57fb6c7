import { Get, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { plainToInstance } from 'class-transformer';
import { stringify } from 'csv-stringify/sync';
import { ADOPTION_STAGES } from '../../adoption/adoption-stage.js';
import { Allow } from '../../auth/access.decorators.js';
import { AttentionQueryDto, DashboardQueryDto } from '../../dashboards/dto/dashboard-query.dto.js';
import { DashboardsService } from '../../dashboards/dashboards.service.js';
import { NATIONS } from '../../organisations/organisation-type.js';
import { inlineErrors, summaryList, validateForm } from '../forms/form-errors.js';
import { tFor } from '../i18n.js';
import { PageController } from '../page.decorator.js';
import { type PageRequest, render, signedInContext } from '../page-request.js';
import { CachedPage, CSRF_STANDIN, NONCE_STANDIN } from '../cached-render.js';
import { GenerationCache } from '../../dashboards/read-model-generation.js';
import { todayIso } from '../../common/validation/is-iso-date.decorator.js';
import { percentBars, STAGE_COLOURS, stackedBars, trendLine } from './rollout-charts.js';
import { PROGRAMME_READERS as PROGRAMME } from '../page-roles.js';

const ATTENTION_SHOWN = 25;
const VIEW = 'programme/dashboard.njk';
type AdoptionFigures = NonNullable<
  Awaited<ReturnType<DashboardsService['adoptionPage']>>['figures']
>;
/** The filter form's words: `dashboardFilters.fields.<field>.label` (locales/<lang>/dashboardFilters.json). */
const FORM = 'dashboardFilters.fields';
const FILTERS = ['serviceId', 'nation', 'region', 'supplierId', 'councilGroupId'] as const;

/**
 * The programme's rollout dashboard: the JSON dashboard's figures (same statements, one
 * per request) drawn as accessible SVG charts with the same figures in tables, filtered
 * by a GET form, and downloadable as CSV.
 */
@PageController('programme/dashboard')
export class RolloutDashboardController {
  /** Rendered dashboard pages by (day, language, user, filters), per data generation. */
  private readonly pages = new GenerationCache<CachedPage>(256);

  constructor(private readonly dashboards: DashboardsService) {}

  @Get()
  @Allow(...PROGRAMME)
  async dashboard(
    @Query() query: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const page = req as PageRequest;
    const input = pick(query);
    // One generation read. Without a one-time message waiting, the page is rendered once per
    // (generation, day, language, user, filters as asked) and each response splices in its
    // own nonce and CSRF token; only pages of valid filters are ever stored, so a hit needs
    // no validation and no figures.
    const generation = await this.dashboards.currentGeneration();
    const cacheable = !req.session.get('flash');
    const key = [
      todayIso(),
      page.lang,
      page.actor?.label,
      page.actor?.role,
      new URLSearchParams(input).toString(),
    ].join('|');
    const hit = cacheable ? this.pages.peek(key, generation) : undefined;
    if (hit) return (await hit).send(page, reply);

    const t = tFor(page.lang);
    const { dto, errors } = await validateForm(DashboardQueryDto, input, FORM, t);
    // Figures and options come from the dashboards' cache when nothing changed since.
    const { options, figures } = await this.dashboards.adoptionPage(
      errors.length ? null : dto,
      generation,
    );
    const base = {
      filters: input,
      services: options.services,
      supplierOptions: options.suppliers,
      councilGroupOptions: options.councilGroups,
      nations: NATIONS,
      downloadQuery: '',
    };
    if (!figures) {
      return render(
        req,
        reply,
        VIEW,
        { ...base, errorList: summaryList(errors), fieldErrors: inlineErrors(errors) },
        400,
      );
    }
    const filterQuery = queryOf(dto);
    if (!cacheable)
      return render(req, reply, VIEW, { ...base, ...this.charts(figures, filterQuery) });
    const path = `/programme/dashboard${filterQuery ? `?${filterQuery}` : ''}`;
    const cached = await this.pages.get(key, generation, async () =>
      CachedPage.of(
        await reply.viewAsync(VIEW, {
          ...signedInContext(page, path, NONCE_STANDIN, CSRF_STANDIN),
          ...base,
          ...this.charts(figures, filterQuery),
        }),
      ),
    );
    return cached.send(page, reply);
  }

  /** The charts and tables of the figures (SVG drawn on the server). */
  private charts(figures: AdoptionFigures, filterQuery: string) {
    const supplierPct = figures.bySupplier.map((s) => ({
      ...s,
      pctLive: s.adoptions > 0 ? Math.round((1000 * s.live) / s.adoptions) / 10 : 0,
    }));
    return {
      figures,
      stages: ADOPTION_STAGES,
      stageColours: STAGE_COLOURS,
      stacked: stackedBars(figures.byService),
      nationChart: percentBars(
        figures.byNation.map((n) => ({ label: String(n.nation), pct: n.pctLive })),
      ),
      regionChart: percentBars(
        figures.byRegion.map((r) => ({ label: String(r.region ?? r.nation), pct: r.pctLive })),
      ),
      supplierChart: percentBars(
        supplierPct.map((s) => ({ label: String(s.supplier.name), pct: s.pctLive })),
      ),
      suppliers: supplierPct,
      trend: trendLine(figures.liveTrend),
      regions: figures.byRegion.map((r) => r.region).filter((r) => r),
      downloadQuery: filterQuery,
    };
  }

  /**
   * Adoptions needing attention with their reasons, under the same filters: a page of its
   * own, linked from the dashboard, because finding them reads every adoption's history,
   * routes and dependencies (the dashboard's figures are one aggregate statement).
   */
  @Get('attention')
  @Allow(...PROGRAMME)
  async attention(
    @Query() query: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const input = pick(query);
    const { dto, errors } = await validateForm(DashboardQueryDto, input, FORM, t);
    if (errors.length) return reply.redirect('/programme/dashboard', 303);
    const attention = await this.dashboards.attention(
      plainToInstance(AttentionQueryDto, { ...filtersOf(dto), limit: ATTENTION_SHOWN }),
    );
    return render(req, reply, 'programme/attention.njk', { attention, query: queryOf(dto) });
  }

  /** The figures the page shows, as CSV (one row per figure, with its section). */
  @Get('download')
  @Allow(...PROGRAMME)
  async download(
    @Query() query: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const { dto, errors } = await validateForm(DashboardQueryDto, pick(query), FORM, t);
    if (errors.length) return reply.redirect('/programme/dashboard', 303);
    const f = await this.dashboards.adoption(dto);
    const rows: (string | number)[][] = [['section', 'name', 'measure', 'value']];
    for (const s of f.byService) {
      for (const stage of ADOPTION_STAGES)
        rows.push(['service', s.service.code as string, stage, s.stages[stage] ?? 0]);
      rows.push(['service', s.service.code as string, 'pct_live', s.pctLive]);
    }
    for (const n of f.byNation) rows.push(['nation', String(n.nation), 'pct_live', n.pctLive]);
    for (const r of f.byRegion)
      rows.push(['region', String(r.region ?? r.nation), 'pct_live', r.pctLive]);
    for (const s of f.bySupplier) {
      rows.push(['supplier', String(s.supplier.name), 'adoptions', s.adoptions]);
      rows.push(['supplier', String(s.supplier.name), 'live', s.live]);
    }
    for (const m of f.liveTrend) rows.push(['live_trend', m.month, 'live', m.live]);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="rollout-dashboard.csv"')
      .send(stringify(rows));
  }
}

/** The filter fields from the query string, empty ones dropped (a select's "all"). */
function pick(query: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of FILTERS) {
    const v = query[k];
    // A repeated parameter arrives as an array: its first value counts (validation judges it).
    const first: unknown = Array.isArray(v) ? v[0] : v;
    if (typeof first === 'string' && first !== '') out[k] = first;
    else if (typeof first === 'number' || typeof first === 'boolean') out[k] = String(first);
  }
  return out;
}

const filtersOf = (dto: DashboardQueryDto) =>
  Object.fromEntries(FILTERS.map((k) => [k, dto[k]])) as Pick<
    DashboardQueryDto,
    (typeof FILTERS)[number]
  >;

/** The validated filters as a query string (for the download and attention links). */
const queryOf = (dto: DashboardQueryDto) =>
  new URLSearchParams(
    Object.entries(filtersOf(dto)).filter((e): e is [string, string] => Boolean(e[1])),
  ).toString();
