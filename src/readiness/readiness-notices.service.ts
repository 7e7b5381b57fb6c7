import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import type { SqlParams } from '../common/sql/sql-params.js';
import { COUNCIL_REF, isGssCode } from '../organisations/council-ref.js';
import type { ReadinessNoticeQueryDto } from './dto/readiness-notice-query.dto.js';
import type { ReadinessNoticeViewDto } from './dto/readiness-notice-view.dto.js';
import { CriticalDatesRepository } from './critical-dates.repository.js';
import { ReadinessRepository } from './readiness.repository.js';

/**
 * The notice history: the lead-time notices the daily scan sent (date × lead time ×
 * council), newest first, with the communication that carried each. One statement a page.
 */
@Injectable()
export class ReadinessNoticesService {
  constructor(
    private readonly readiness: ReadinessRepository,
    private readonly dates: CriticalDatesRepository,
  ) {}

  /** Notices sent for one critical date (programme office). */
  async forDate(id: string, q: ReadinessNoticeQueryDto): Promise<Page<ReadinessNoticeViewDto>> {
    const page = await this.page(q, (p) => `n.critical_date_id = ${p.add(id)}`);
    if (page.meta.total === 0 && !(await this.dates.exists(id))) {
      throw ProblemException.notFound('Critical date', id);
    }
    return page;
  }

  /** Notices a council was sent, for every date (a council: its own only, else 404). */
  async forCouncil(
    actor: Actor,
    councilRef: string,
    q: ReadinessNoticeQueryDto,
  ): Promise<Page<ReadinessNoticeViewDto>> {
    if (!COUNCIL_REF.test(councilRef)) {
      throw ProblemException.invalidFields([
        { field: 'councilId', message: 'must be a UUID or a GSS code such as E09000001' },
      ]);
    }
    const norm = isGssCode(councilRef.toUpperCase())
      ? councilRef.toUpperCase()
      : councilRef.toLowerCase();
    const council = await this.readiness.council(norm);
    if (!council || (actor.role === 'council' && actor.organisationId !== council.id)) {
      throw ProblemException.notFound('Council', councilRef);
    }
    return this.page(q, (p) => `n.council_id = ${p.add(council.id)}`);
  }

  private async page(
    q: ReadinessNoticeQueryDto,
    scope: (p: SqlParams) => string,
  ): Promise<Page<ReadinessNoticeViewDto>> {
    const rows = await this.readiness.notices(scope, q.leadDays, q.limit, q.offset);
    return toPage(
      rows.map((r) => ({
        criticalDateId: r.critical_date_id,
        criticalDateName: r.date_name,
        date: r.date,
        leadDays: r.lead_days,
        councilId: r.council_id,
        gssCode: r.gss_code,
        councilName: r.council_name,
        status: r.status,
        reason: r.reason,
        communicationId: r.communication_id,
        sentAt: new Date(r.sent_at).toISOString(),
      })),
      rows[0]?.total ?? 0,
      q,
    );
  }
}
