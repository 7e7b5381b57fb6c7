import { COUNCIL_REF, isGssCode } from '../organisations/council-ref.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, isTenantScoped } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { todayIso } from '../common/validation/is-iso-date.decorator.js';
import { AppConfig } from '../config/app-config.js';
import type { AttentionQueryDto, DashboardQueryDto } from './dto/dashboard-query.dto.js';
import {
  adoptionDashboardStatement,
  attentionStatement,
  councilStatusStatement,
  shapeAdoptionDashboard,
  shapeAttention,
  shapeCouncilStatus,
  type Statement,
} from './dashboard-queries.js';

/** Runs the dashboard statements (see dashboard-queries.ts): one per request. */
@Injectable()
export class DashboardsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async adoption(q: DashboardQueryDto) {
    return shapeAdoptionDashboard(await this.run(adoptionDashboardStatement(q, q.months)));
  }

  async attention(q: AttentionQueryDto) {
    const rows = await this.run(
      attentionStatement(q, {
        stalledDays: this.config.ADOPTION_STALLED_DAYS,
        limit: q.limit,
        offset: q.offset,
        today: todayIso(),
      }),
    );
    const { data, total } = shapeAttention(rows);
    return {
      data,
      meta: { page: q.page, limit: q.limit, total, stalledDays: this.config.ADOPTION_STALLED_DAYS },
    };
  }

  /** A council reads its own status only (another council's id is a 404). */
  async councilStatus(actor: Actor, ref: string) {
    const councilId = await this.councilId(ref);
    if (isTenantScoped(actor) && actor.organisationId !== councilId) {
      throw ProblemException.notFound('Council', councilId);
    }
    const status = shapeCouncilStatus(
      await this.run(councilStatusStatement(councilId, todayIso())),
    );
    if (!status) throw ProblemException.notFound('Council', councilId);
    return status;
  }

  /** The council's id from its id or GSS code: 400 for neither, 404 for an unknown code. */
  private async councilId(ref: string): Promise<string> {
    if (!COUNCIL_REF.test(ref)) {
      throw ProblemException.badRequest('validation_failed', 'Expected a council id or GSS code', [
        { field: 'id', message: 'must be a UUID or a GSS code such as E09000001' },
      ]);
    }
    if (!isGssCode(ref)) return ref.toLowerCase();
    const [row]: { id: string }[] = await this.db.query(
      `SELECT id FROM organisations WHERE type = 'COUNCIL' AND gss_code = $1`,
      [ref],
    );
    if (!row) throw ProblemException.notFound('Council', ref);
    return row.id;
  }

  private run(s: Statement): Promise<Record<string, unknown>[]> {
    return this.db.query(s.sql, s.params);
  }
}
