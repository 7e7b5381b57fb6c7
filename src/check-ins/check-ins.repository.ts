import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { SqlParams } from '../common/sql/sql-params.js';
import { CheckInAnswer, type CheckInSide } from './check-in-answer.entity.js';
import {
  checkInSelect,
  completeScoresSql,
  type Filter,
  isPartner,
  type PageArgs,
  paging,
  STATUS_SQL,
  visibleCheckInsSql,
  withTotal,
} from './check-in-sql.js';
import { toCheckInView, toPartnerHealth, toTrendPoint } from './check-in-views.js';
import { CheckIn } from './check-in.entity.js';
import type {
  AnswerCheckInDto,
  CheckInTrendDto,
  CheckInViewDto,
  PartnerHealthDto,
} from './dto/check-in.dto.js';

export interface PartnerRow {
  id: string;
  name: string;
  type: string;
}

/** Check-ins and their answers; reads check-ins as views, one statement per read. */
@Injectable()
export class CheckInsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async checkIns(
    actor: Actor,
    filter: Filter,
    page?: PageArgs,
    m: EntityManager = this.db.manager,
  ) {
    const p = new SqlParams();
    const clauses = [...filter(p)];
    const visible = visibleCheckInsSql(actor, p);
    if (visible) clauses.push(visible);
    const officeVisible = isPartner(actor) ? 'ci.partner_answered_at IS NOT NULL' : 'true';
    const sql = `${withTotal(checkInSelect(officeVisible))}
      ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
      ORDER BY ci.due_on DESC, o.name, ci.id ${paging(p, page)}`;
    const raw = await m.query<Record<string, unknown>[]>(sql, p.values);
    return { rows: raw.map(toCheckInView), total: Number(raw[0]?.total_count ?? 0) };
  }

  async checkIn(actor: Actor, id: string, m?: EntityManager): Promise<CheckInViewDto> {
    const { rows } = await this.checkIns(actor, (p) => [`ci.id = ${p.add(id)}`], undefined, m);
    if (!rows[0]) throw ProblemException.notFound('Check-in', id);
    return rows[0];
  }

  /** Status filter as SQL (the status is derived). */
  statusClause(p: SqlParams, status: string): string {
    return `(${STATUS_SQL}) = ${p.add(status)}`;
  }

  /** A partner's complete check-ins, oldest first; null when it is not a partner. */
  async trend(organisationId: string): Promise<CheckInTrendDto['points'] | null> {
    const p = new SqlParams();
    const org = p.add(organisationId);
    const rows = await this.db.query<Record<string, unknown>[]>(
      `SELECT o.id AS org, t.* FROM organisations o
         LEFT JOIN (${completeScoresSql(`ci.organisation_id = ${org}`)}) t ON true
        WHERE o.id = ${org} AND o.type IN ('SUPPLIER', 'COUNCIL', 'AGENCY')
        ORDER BY t.due_on`,
      p.values,
    );
    if (!rows.length) return null;
    return rows.filter((r) => r.id !== null).map(toTrendPoint);
  }

  /**
   * Each partner's latest complete check-in against the previous one, and the gap between
   * its sides. One statement.
   */
  async partnerHealth(): Promise<PartnerHealthDto[]> {
    const raw = await this.db.query<Record<string, unknown>[]>(
      `SELECT t.organisation_id, o.name AS organisation_name, o.type AS organisation_type,
              count(*) AS complete_check_ins,
              max(t.due_on) FILTER (WHERE t.rank = 1) AS latest_due_on,
              max(t.score) FILTER (WHERE t.rank = 1) AS latest_score,
              max(t.score) FILTER (WHERE t.rank = 2) AS previous_score,
              max(t.score) FILTER (WHERE t.rank = 1) - max(t.score) FILTER (WHERE t.rank = 2) AS change,
              max(t.mean_gap) FILTER (WHERE t.rank = 1) AS latest_gap
         FROM (${completeScoresSql('')}) t
         JOIN organisations o ON o.id = t.organisation_id
        GROUP BY t.organisation_id, o.name, o.type
        ORDER BY o.name, t.organisation_id`,
    );
    return raw.map(toPartnerHealth);
  }

  /** Partner organisations a check-in can be scheduled with: suppliers, agencies, councils. */
  async partners(): Promise<PartnerRow[]> {
    return await this.db.query<PartnerRow[]>(
      `SELECT id, name, type FROM organisations WHERE type IN ('SUPPLIER', 'AGENCY', 'COUNCIL')
        ORDER BY array_position(ARRAY['SUPPLIER', 'AGENCY', 'COUNCIL'], type::text), name`,
    );
  }

  /** The organisation's type, if it exists. */
  async organisationType(m: EntityManager, organisationId: string): Promise<string | undefined> {
    const [org] = await m.query<{ type: string }[]>(
      `SELECT type FROM organisations WHERE id = $1`,
      [organisationId],
    );
    return org?.type;
  }

  /** A check-in unless the partner has one due that day; its id, or null. */
  async addCheckIn(
    m: EntityManager,
    organisationId: string,
    dueOn: string,
    setId: string,
    scheduleId: string | null,
  ): Promise<string | null> {
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO check_ins (organisation_id, due_on, question_set_id, schedule_id)
       VALUES ($1, $2, $3, $4) ON CONFLICT (organisation_id, due_on) DO NOTHING RETURNING id`,
      [organisationId, dueOn, setId, scheduleId],
    );
    return row?.id ?? null;
  }

  async lockForChange(m: EntityManager, id: string): Promise<CheckIn | null> {
    return m.findOne(CheckIn, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async change(m: EntityManager, id: string, changes: Partial<CheckIn>): Promise<void> {
    await m.update(CheckIn, id, changes);
  }

  async addAnswers(
    m: EntityManager,
    checkInId: string,
    side: CheckInSide,
    answers: AnswerCheckInDto['answers'],
  ): Promise<void> {
    await m.insert(
      CheckInAnswer,
      answers.map((a) => ({
        checkInId,
        side,
        questionCode: a.code,
        score: a.score,
        comment: a.comment ?? '',
      })),
    );
  }
}
