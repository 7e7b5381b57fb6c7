import { COUNCIL_REF, isGssCode } from '../organisations/council-ref.js';
import { Injectable } from '@nestjs/common';
import { type Actor, isTenantScoped } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { todayIso } from '../common/validation/is-iso-date.decorator.js';
import { AppConfig } from '../config/app-config.js';
import { type Conditional, conditionally, weakEtag } from '../common/http/conditional-get.js';
import { GenerationCache } from './read-model-generation.js';
import type { AttentionQueryDto, DashboardQueryDto } from './dto/dashboard-query.dto.js';
import {
  shapeFilterOptions,
  shapeAdoptionDashboard,
  shapeAttention,
  shapeCouncilStatus,
} from './dashboard-queries.js';
import { DashboardsRepository } from './dashboards.repository.js';

type AdoptionDashboard = ReturnType<typeof shapeAdoptionDashboard>;
type CouncilStatus = NonNullable<ReturnType<typeof shapeCouncilStatus>>;
type FilterOptions = ReturnType<typeof shapeFilterOptions>;

/** The filters that shape the national dashboard, as a cache and ETag key. */
const filterKey = (q: DashboardQueryDto) =>
  [q.serviceId, q.nation, q.region, q.supplierId, q.councilGroupId, q.months].join('|');

/**
 * Runs the dashboard statements (see dashboard-queries.ts). The national dashboard and
 * council status are answered from the read-model generation (one tiny statement): a
 * matching `If-None-Match` is a 304 straight away; otherwise the aggregate runs once per
 * (filters, generation) in this process and repeat requests reuse it, so their cost does
 * not grow with the programme. The attention list stays one indexed statement per request.
 * Cached answers are shared: callers must not change them.
 */
@Injectable()
export class DashboardsService {
  private readonly adoptionAnswers = new GenerationCache<AdoptionDashboard>(256);
  private readonly statusAnswers = new GenerationCache<CouncilStatus | null>(4096);
  private readonly optionAnswers = new GenerationCache<FilterOptions>(1);

  constructor(
    private readonly config: AppConfig,
    private readonly dashboards: DashboardsRepository,
  ) {}

  async adoption(q: DashboardQueryDto): Promise<AdoptionDashboard> {
    return (await this.adoptionConditional(q, undefined)).body!;
  }

  async adoptionConditional(
    q: DashboardQueryDto,
    ifNoneMatch: string | undefined,
  ): Promise<Conditional<AdoptionDashboard>> {
    const generation = await this.dashboards.generation();
    // The live trend's months end with the current one: a new month is a new answer.
    const key = `${todayIso().slice(0, 7)}|${filterKey(q)}`;
    return conditionally(weakEtag('adoption', generation, key), ifNoneMatch, () =>
      this.figures(q, key, generation),
    );
  }

  /** The read-model generation now (read it before the data it tags). */
  currentGeneration(): Promise<string> {
    return this.dashboards.generation();
  }

  /** The rollout page's figures and filter options, under one generation read. */
  async adoptionPage(q: DashboardQueryDto | null, readGeneration?: string) {
    const generation = readGeneration ?? (await this.dashboards.generation());
    const options = await this.options(generation);
    if (!q) return { generation, options, figures: null };
    const key = `${todayIso().slice(0, 7)}|${filterKey(q)}`;
    return { generation, options, figures: await this.figures(q, key, generation) };
  }

  private figures(q: DashboardQueryDto, key: string, generation: string) {
    return this.adoptionAnswers.get(key, generation, async () =>
      shapeAdoptionDashboard(await this.dashboards.adoptionDashboard(q, q.months)),
    );
  }

  private options(generation: string): Promise<FilterOptions> {
    return this.optionAnswers.get('options', generation, async () =>
      shapeFilterOptions(await this.dashboards.filterOptions()),
    );
  }

  async attention(q: AttentionQueryDto) {
    const rows = await this.dashboards.attention(q, {
      stalledDays: this.config.ADOPTION_STALLED_DAYS,
      limit: q.limit,
      offset: q.offset,
      today: todayIso(),
    });
    const { data, total } = shapeAttention(rows);
    return {
      data,
      meta: { page: q.page, limit: q.limit, total, stalledDays: this.config.ADOPTION_STALLED_DAYS },
    };
  }

  async councilStatus(actor: Actor, ref: string): Promise<CouncilStatus> {
    return (await this.councilStatusConditional(actor, ref, undefined)).body!;
  }

  /** A council reads its own status only (another council's id is a 404). */
  async councilStatusConditional(
    actor: Actor,
    ref: string,
    ifNoneMatch: string | undefined,
  ): Promise<Conditional<CouncilStatus>> {
    const councilId = await this.councilId(ref);
    if (isTenantScoped(actor) && actor.organisationId !== councilId) {
      throw ProblemException.notFound('Council', councilId);
    }
    const generation = await this.dashboards.generation();
    const today = todayIso(); // variances in force and next targets change with the date
    const key = `${councilId}|${today}`;
    const answer = await conditionally(
      weakEtag('council-status', generation, key),
      ifNoneMatch,
      () =>
        this.statusAnswers.get(key, generation, async () =>
          shapeCouncilStatus(await this.dashboards.councilStatus(councilId, today)),
        ),
    );
    if (answer.body === null) throw ProblemException.notFound('Council', councilId);
    return answer as Conditional<CouncilStatus>;
  }

  /** The council's id from its id or GSS code: 400 for neither, 404 for an unknown code. */
  private async councilId(ref: string): Promise<string> {
    if (!COUNCIL_REF.test(ref)) {
      throw ProblemException.badRequest('validation_failed', 'Expected a council id or GSS code', [
        { field: 'id', message: 'must be a UUID or a GSS code such as E09000001' },
      ]);
    }
    if (!isGssCode(ref)) return ref.toLowerCase();
    const id = await this.dashboards.councilIdByGssCode(ref);
    if (!id) throw ProblemException.notFound('Council', ref);
    return id;
  }
}
