import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { SqlParams } from '../common/sql/sql-params.js';
import { COUNCIL_REF, councilIdSql, isGssCode } from '../organisations/council-ref.js';
import type { ReadinessNoticeQueryDto } from './dto/readiness-notice-query.dto.js';
import type { ReadinessNoticeViewDto } from './dto/readiness-notice-view.dto.js';

interface NoticeRow {
  critical_date_id: string;
  date_name: string;
  date: string;
  lead_days: number;
  council_id: string;
  gss_code: string;
  council_name: string;
  status: string;
  reason: string;
  communication_id: string | null;
  sent_at: Date;
  total: number;
}

/**
 * The notice history: the lead-time notices the daily scan sent (date × lead time ×
 * council), newest first, with the communication that carried each. One statement a page.
 */
@Injectable()
export class ReadinessNoticesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Notices sent for one critical date (programme office). */
  async forDate(id: string, q: ReadinessNoticeQueryDto): Promise<Page<ReadinessNoticeViewDto>> {
    const page = await this.query(q, (p) => `n.critical_date_id = ${p.add(id)}`);
    if (page.meta.total === 0) {
      const [date] = await this.db.query<unknown[]>(`SELECT 1 FROM critical_dates WHERE id = $1`, [
        id,
      ]);
      if (!date) throw ProblemException.notFound('Critical date', id);
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
    const [council]: { id: string }[] = await this.db.query(
      `SELECT id FROM organisations WHERE type = 'COUNCIL' AND id = ${councilIdSql(norm, '$1')}`,
      [norm],
    );
    if (!council || (actor.role === 'council' && actor.organisationId !== council.id)) {
      throw ProblemException.notFound('Council', councilRef);
    }
    return this.query(q, (p) => `n.council_id = ${p.add(council.id)}`);
  }

  private async query(
    q: ReadinessNoticeQueryDto,
    scope: (p: SqlParams) => string,
  ): Promise<Page<ReadinessNoticeViewDto>> {
    const p = new SqlParams();
    const where = [scope(p)];
    if (q.leadDays !== undefined) where.push(`n.lead_days = ${p.add(q.leadDays)}`);
    const rows: NoticeRow[] = await this.db.query(
      `SELECT n.critical_date_id, cd.name AS date_name, cd.date::text AS date, n.lead_days,
              n.council_id, o.gss_code, o.name AS council_name, n.status, n.reason,
              n.communication_id, n.sent_at, count(*) OVER ()::int AS total
         FROM readiness_notices n
         JOIN critical_dates cd ON cd.id = n.critical_date_id
         JOIN organisations o ON o.id = n.council_id
        WHERE ${where.join(' AND ')}
        ORDER BY n.sent_at DESC, n.lead_days, o.name, n.council_id
        LIMIT ${p.add(q.limit)} OFFSET ${p.add(q.offset)}`,
      p.values,
    );
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
