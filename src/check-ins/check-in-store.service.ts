import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { SqlParams } from '../common/sql/sql-params.js';
import {
  checkInSelect,
  completeScoresSql,
  isPartner,
  QUESTION_SET_SELECT,
  SCHEDULE_SELECT,
  STATUS_SQL,
  visibleCheckInsSql,
} from './check-in-sql.js';
import {
  toCheckInView,
  toPartnerHealth,
  toQuestionSetView,
  toScheduleView,
  toTrendPoint,
} from './check-in-views.js';
import type {
  CheckInOverviewDto,
  CheckInTrendDto,
  CheckInViewDto,
  PartnerHealthDto,
} from './dto/check-in.dto.js';
import type { QuestionSetViewDto } from './dto/question-set.dto.js';
import type { ScheduleViewDto } from './dto/schedule.dto.js';

type Filter = (p: SqlParams) => string[];
type PageArgs = { limit: number; offset: number };

const withTotal = (sql: string) =>
  sql.replace('SELECT ', 'SELECT count(*) OVER () AS total_count, ');
const paging = (p: SqlParams, page?: PageArgs) =>
  page ? `LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}` : '';

/** Reads check-ins, schedules and question sets as views: one statement per read. */
@Injectable()
export class CheckInStore {
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

  async schedules(filter: Filter, page?: PageArgs, m: EntityManager = this.db.manager) {
    const p = new SqlParams();
    const clauses = filter(p);
    const sql = `${withTotal(SCHEDULE_SELECT)}
      ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY o.name, s.id
      ${paging(p, page)}`;
    const raw = await m.query<Record<string, unknown>[]>(sql, p.values);
    return { rows: raw.map(toScheduleView), total: Number(raw[0]?.total_count ?? 0) };
  }

  async schedule(id: string, m?: EntityManager): Promise<ScheduleViewDto> {
    const { rows } = await this.schedules((p) => [`s.id = ${p.add(id)}`], undefined, m);
    if (!rows[0]) throw ProblemException.notFound('Check-in schedule', id);
    return rows[0];
  }

  async questionSets(filter: Filter, page?: PageArgs, m: EntityManager = this.db.manager) {
    const p = new SqlParams();
    const clauses = filter(p);
    const sql = `${withTotal(QUESTION_SET_SELECT)}
      ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY qs.number DESC
      ${paging(p, page)}`;
    const raw = await m.query<Record<string, unknown>[]>(sql, p.values);
    return { rows: raw.map(toQuestionSetView), total: Number(raw[0]?.total_count ?? 0) };
  }

  async questionSet(id: string, m?: EntityManager): Promise<QuestionSetViewDto> {
    const { rows } = await this.questionSets((p) => [`qs.id = ${p.add(id)}`], undefined, m);
    if (!rows[0]) throw ProblemException.notFound('Check-in question set', id);
    return rows[0];
  }

  /** A partner's complete check-ins, oldest first; a partner reads only its own (else 404). */
  async trend(actor: Actor, organisationId: string): Promise<CheckInTrendDto> {
    if (isPartner(actor) && actor.organisationId !== organisationId)
      throw ProblemException.notFound('Partner', organisationId);
    const p = new SqlParams();
    const org = p.add(organisationId);
    const rows = await this.db.query<Record<string, unknown>[]>(
      `SELECT o.id AS org, t.* FROM organisations o
         LEFT JOIN (${completeScoresSql(`ci.organisation_id = ${org}`)}) t ON true
        WHERE o.id = ${org} AND o.type IN ('SUPPLIER', 'COUNCIL', 'AGENCY')
        ORDER BY t.due_on`,
      p.values,
    );
    if (!rows.length) throw ProblemException.notFound('Partner', organisationId);
    return {
      organisationId,
      points: rows.filter((r) => r.id !== null).map(toTrendPoint),
    };
  }

  /**
   * The programme-wide view: each partner's latest complete check-in against the previous
   * one, and the gap between its sides; partners whose score fell, and those whose sides
   * disagree most. One statement.
   */
  async overview(): Promise<CheckInOverviewDto> {
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
    const partners: PartnerHealthDto[] = raw.map(toPartnerHealth);
    return {
      fell: partners
        .filter((x) => x.change !== null && x.change < 0)
        .sort((a, b) => a.change! - b.change!),
      disagree: partners
        .filter((x) => x.latestGap > 0)
        .sort((a, b) => b.latestGap - a.latestGap)
        .slice(0, 10),
      partners,
    };
  }

  /** Partner organisations a check-in can be scheduled with: suppliers, agencies, councils. */
  async partners(): Promise<{ id: string; name: string; type: string }[]> {
    return await this.db.query<{ id: string; name: string; type: string }[]>(
      `SELECT id, name, type FROM organisations WHERE type IN ('SUPPLIER', 'AGENCY', 'COUNCIL')
        ORDER BY array_position(ARRAY['SUPPLIER', 'AGENCY', 'COUNCIL'], type::text), name`,
    );
  }
}
