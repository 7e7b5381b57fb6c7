import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { SqlParams } from '../common/sql/sql-params.js';
import { visibleDecisionsSql } from '../decisions/decision-sql.js';
import type { GovernanceGroupViewDto } from './dto/governance-group-view.dto.js';
import type { MeetingViewDto } from './dto/meeting-view.dto.js';
import { GROUP_SELECT, meetingSelect, memberOfGroupSql } from './governance-sql.js';
import { toGroupView, toMeetingView } from './governance-views.js';

type Filter = (p: SqlParams) => string[];
type PageArgs = { limit: number; offset: number };

/** Reads groups and meetings as views, one statement per read whatever the numbers. */
@Injectable()
export class GovernanceStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async groups(actor: Actor, filter: Filter, page?: PageArgs, m: EntityManager = this.db.manager) {
    const p = new SqlParams();
    const clauses = [...filter(p)];
    const member = memberOfGroupSql(actor, p, 'g.id');
    if (member) clauses.push(member);
    const sql = `${GROUP_SELECT.replace('SELECT ', 'SELECT count(*) OVER () AS total_count, ')}
      ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY g.name, g.id
      ${page ? `LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}` : ''}`;
    const raw = await m.query<Record<string, unknown>[]>(sql, p.values);
    return { rows: raw.map(toGroupView), total: Number(raw[0]?.total_count ?? 0) };
  }

  async group(actor: Actor, id: string, m?: EntityManager): Promise<GovernanceGroupViewDto> {
    const { rows } = await this.groups(actor, (p) => [`g.id = ${p.add(id)}`], undefined, m);
    if (!rows[0]) throw ProblemException.notFound('Governance group', id);
    return rows[0];
  }

  async meetings(
    actor: Actor,
    filter: Filter,
    page?: PageArgs,
    m: EntityManager = this.db.manager,
  ) {
    const p = new SqlParams();
    const clauses = [...filter(p)];
    const member = memberOfGroupSql(actor, p, 'mt.group_id');
    if (member) clauses.push(member);
    const select = meetingSelect(visibleDecisionsSql(actor, p));
    const sql = `${select.replace('SELECT ', 'SELECT count(*) OVER () AS total_count, ')}
      ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY mt.starts_at DESC, mt.id
      ${page ? `LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}` : ''}`;
    const raw = await m.query<Record<string, unknown>[]>(sql, p.values);
    return { rows: raw.map(toMeetingView), total: Number(raw[0]?.total_count ?? 0) };
  }

  async meeting(actor: Actor, id: string, m?: EntityManager): Promise<MeetingViewDto> {
    const { rows } = await this.meetings(actor, (p) => [`mt.id = ${p.add(id)}`], undefined, m);
    if (!rows[0]) throw ProblemException.notFound('Meeting', id);
    return rows[0];
  }
}
