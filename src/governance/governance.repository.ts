import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { SqlParams } from '../common/sql/sql-params.js';
import { visibleDecisionsSql } from '../decisions/decision-sql.js';
import type { GovernanceMemberDto } from './dto/create-governance-group.dto.js';
import type { GovernanceGroupViewDto } from './dto/governance-group-view.dto.js';
import type { MeetingViewDto } from './dto/meeting-view.dto.js';
import { GovernanceGroup } from './governance-group.entity.js';
import { GovernanceMember, type MemberRole } from './governance-member.entity.js';
import { GROUP_SELECT, meetingSelect, memberOfGroupSql } from './governance-sql.js';
import { toGroupView, toMeetingView } from './governance-views.js';
import { MeetingAction, type MeetingActionStatus } from './meeting-action.entity.js';
import { Meeting } from './meeting.entity.js';

type Filter = (p: SqlParams) => string[];
type PageArgs = { limit: number; offset: number };

/**
 * Governance groups, their members, meetings and meeting actions. Reads groups and meetings
 * as views, one statement per read whatever the numbers.
 */
@Injectable()
export class GovernanceRepository {
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

  /** Creates a group unless the name is taken; its id, or undefined when taken. */
  async addGroup(m: EntityManager, name: string, description: string): Promise<string | undefined> {
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO governance_groups (name, description) VALUES ($1, $2)
       ON CONFLICT (name) DO NOTHING RETURNING id`,
      [name, description],
    );
    return row?.id;
  }

  async addMembers(m: EntityManager, groupId: string, members: GovernanceMemberDto[]) {
    await m.insert(
      GovernanceMember,
      members.map((x) => ({ groupId, organisationId: x.organisationId, role: x.role })),
    );
  }

  /** Adds a member unless already one; whether it was added. */
  async addMember(m: EntityManager, groupId: string, dto: GovernanceMemberDto): Promise<boolean> {
    const [row] = await m.query<unknown[]>(
      `INSERT INTO governance_group_members (group_id, organisation_id, role)
       VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING organisation_id`,
      [groupId, dto.organisationId, dto.role],
    );
    return row !== undefined;
  }

  /** Whether the member was there (and now has the role). */
  async changeMemberRole(
    m: EntityManager,
    groupId: string,
    organisationId: string,
    role: MemberRole,
  ): Promise<boolean> {
    const [rows] = await m.query<[unknown[], number]>(
      `UPDATE governance_group_members SET role = $3
          WHERE group_id = $1 AND organisation_id = $2 RETURNING organisation_id`,
      [groupId, organisationId, role],
    );
    return rows.length > 0;
  }

  /** Whether the member was there (and is now removed). */
  async removeMember(m: EntityManager, groupId: string, organisationId: string): Promise<boolean> {
    const [rows] = await m.query<[unknown[], number]>(
      `DELETE FROM governance_group_members WHERE group_id = $1 AND organisation_id = $2
       RETURNING organisation_id`,
      [groupId, organisationId],
    );
    return rows.length > 0;
  }

  /** Locks the group row for the change; whether it exists. */
  async lockGroup(m: EntityManager, groupId: string): Promise<boolean> {
    const [g] = await m.query<unknown[]>(
      `SELECT id FROM governance_groups WHERE id = $1 FOR UPDATE`,
      [groupId],
    );
    return g !== undefined;
  }

  async bumpGroupVersion(m: EntityManager, groupId: string): Promise<void> {
    await m.query(`UPDATE governance_groups SET version = version + 1 WHERE id = $1`, [groupId]);
  }

  async groupExists(m: EntityManager, id: string): Promise<boolean> {
    return m.existsBy(GovernanceGroup, { id });
  }

  async organisationExists(m: EntityManager, id: string): Promise<boolean> {
    const [org] = await m.query<unknown[]>(`SELECT 1 FROM organisations WHERE id = $1`, [id]);
    return org !== undefined;
  }

  /** The ids among `ids` that name an organisation. */
  async knownOrganisations(m: EntityManager, ids: string[]): Promise<Set<string>> {
    const rows = await m.query<{ id: string }[]>(
      `SELECT id FROM organisations WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  async persistMeeting(m: EntityManager, meeting: Meeting): Promise<Meeting> {
    return m.save(meeting);
  }

  async lockMeeting(m: EntityManager, id: string): Promise<Meeting | null> {
    return m.findOne(Meeting, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async meetingExists(m: EntityManager, id: string): Promise<boolean> {
    return m.existsBy(Meeting, { id });
  }

  async persistAction(m: EntityManager, action: MeetingAction): Promise<MeetingAction> {
    return m.save(action);
  }

  async lockAction(m: EntityManager, meetingId: string, id: string): Promise<MeetingAction | null> {
    return m.findOne(MeetingAction, {
      where: { id, meetingId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async moveAction(
    m: EntityManager,
    id: string,
    status: MeetingActionStatus,
    version: number,
  ): Promise<void> {
    await m.update(MeetingAction, id, { status, version });
  }
}
