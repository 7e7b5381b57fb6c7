import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { type FieldError, ProblemException } from '../common/errors/problem.exception.js';
import { assertTransition } from '../common/lifecycle/assert-transition.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import type { PageQueryDto } from '../common/pagination/page-query.dto.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type {
  CreateGovernanceGroupDto,
  GovernanceMemberDto,
} from './dto/create-governance-group.dto.js';
import type { ChangeMemberRoleDto } from './dto/governance-member.dto.js';
import type { CreateMeetingDto } from './dto/create-meeting.dto.js';
import type { GovernanceGroupViewDto } from './dto/governance-group-view.dto.js';
import type { CreateMeetingActionDto, MoveMeetingActionDto } from './dto/meeting-action.dto.js';
import type { MeetingQueryDto } from './dto/meeting-query.dto.js';
import type { MeetingViewDto } from './dto/meeting-view.dto.js';
import type { UpdateMeetingDto } from './dto/update-meeting.dto.js';
import { GovernanceGroup } from './governance-group.entity.js';
import { GovernanceMember } from './governance-member.entity.js';
import { GovernanceStore } from './governance-store.service.js';
import { MEETING_ACTION_TRANSITIONS } from './meeting-action-lifecycle.js';
import { MeetingAction } from './meeting-action.entity.js';
import { Meeting } from './meeting.entity.js';

const agenda = (items: CreateMeetingDto['agendaItems']) =>
  items?.map((a) => ({ title: a.title, owner: a.owner, paperLinks: a.paperLinks ?? [] }));

/**
 * Governance groups (members with a role) and their meetings (agenda, attendees, minutes,
 * actions, the decisions taken). Programme admins write; members read their groups'.
 */
@Injectable()
export class GovernanceService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly store: GovernanceStore,
  ) {}

  async listGroups(actor: Actor, q: PageQueryDto): Promise<Page<GovernanceGroupViewDto>> {
    const { rows, total } = await this.store.groups(actor, () => [], q);
    return toPage(rows, total, q);
  }

  getGroup(actor: Actor, id: string) {
    return this.store.group(actor, id);
  }

  async createGroup(actor: Actor, dto: CreateGovernanceGroupDto) {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      await this.checkMembers(m, dto);
      const [row] = await m.query<{ id: string }[]>(
        `INSERT INTO governance_groups (name, description) VALUES ($1, $2)
         ON CONFLICT (name) DO NOTHING RETURNING id`,
        [dto.name, dto.description ?? ''],
      );
      if (!row)
        throw ProblemException.conflict('duplicate_name', `A group named ${dto.name} exists`);
      const id = row.id;
      await m.insert(
        GovernanceMember,
        dto.members.map((x) => ({ groupId: id, organisationId: x.organisationId, role: x.role })),
      );
      const view = await this.store.group(actor, id, m);
      await this.audit.record(m, actor, {
        action: 'governance_group.created',
        entityType: 'governance_group',
        entityId: id,
        after: view,
      });
      return view;
    });
  }

  /** Adds a member; its supplier or council reads the group's meetings from now on. */
  async addMember(actor: Actor, groupId: string, dto: GovernanceMemberDto) {
    return this.changeMembers(actor, groupId, 'governance_group.member_added', async (m) => {
      const [org] = await m.query<unknown[]>(`SELECT 1 FROM organisations WHERE id = $1`, [
        dto.organisationId,
      ]);
      if (!org)
        throw ProblemException.invalidFields([
          { field: 'organisationId', message: 'not a known organisation' },
        ]);
      const [row] = await m.query<unknown[]>(
        `INSERT INTO governance_group_members (group_id, organisation_id, role)
         VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING organisation_id`,
        [groupId, dto.organisationId, dto.role],
      );
      if (!row)
        throw ProblemException.conflict('already_member', 'This organisation is a member already');
      return { organisationId: dto.organisationId, role: dto.role };
    });
  }

  async changeMemberRole(
    actor: Actor,
    groupId: string,
    organisationId: string,
    dto: ChangeMemberRoleDto,
  ) {
    return this.changeMembers(actor, groupId, 'governance_group.member_role_changed', async (m) => {
      const [rows] = await m.query<[unknown[], number]>(
        `UPDATE governance_group_members SET role = $3
            WHERE group_id = $1 AND organisation_id = $2 RETURNING organisation_id`,
        [groupId, organisationId, dto.role],
      );
      if (!rows.length) throw ProblemException.notFound('Group member', organisationId);
      return { organisationId, role: dto.role };
    });
  }

  /** Removes a member; a supplier or council then gets 404 on the group and its meetings. */
  async removeMember(actor: Actor, groupId: string, organisationId: string) {
    return this.changeMembers(actor, groupId, 'governance_group.member_removed', async (m) => {
      const [rows] = await m.query<[unknown[], number]>(
        `DELETE FROM governance_group_members WHERE group_id = $1 AND organisation_id = $2
         RETURNING organisation_id`,
        [groupId, organisationId],
      );
      if (!rows.length) throw ProblemException.notFound('Group member', organisationId);
      return { organisationId, removed: true };
    });
  }

  /** Locks the group, applies one membership change, bumps its version, audits. */
  private async changeMembers(
    actor: Actor,
    groupId: string,
    action: string,
    change: (m: EntityManager) => Promise<Record<string, unknown>>,
  ) {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const [g] = await m.query<unknown[]>(
        `SELECT id FROM governance_groups WHERE id = $1 FOR UPDATE`,
        [groupId],
      );
      if (!g) throw ProblemException.notFound('Governance group', groupId);
      const before = await this.store.group(actor, groupId, m);
      const detail = await change(m);
      await m.query(`UPDATE governance_groups SET version = version + 1 WHERE id = $1`, [groupId]);
      const after = await this.store.group(actor, groupId, m);
      await this.audit.record(m, actor, {
        action,
        entityType: 'governance_group',
        entityId: groupId,
        before: { members: before.members },
        after: { ...detail, members: after.members },
      });
      return after;
    });
  }

  async listMeetings(actor: Actor, q: MeetingQueryDto): Promise<Page<MeetingViewDto>> {
    const { rows, total } = await this.store.meetings(
      actor,
      (p) => (q.groupId ? [`mt.group_id = ${p.add(q.groupId)}`] : []),
      q,
    );
    return toPage(rows, total, q);
  }

  getMeeting(actor: Actor, id: string) {
    return this.store.meeting(actor, id);
  }

  async createMeeting(actor: Actor, dto: CreateMeetingDto): Promise<MeetingViewDto> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      if (!(await m.existsBy(GovernanceGroup, { id: dto.groupId }))) {
        throw ProblemException.invalidFields([
          { field: 'groupId', message: 'groupId is not a known group' },
        ]);
      }
      const saved = await m.save(
        Object.assign(new Meeting(), {
          groupId: dto.groupId,
          title: dto.title,
          startsAt: new Date(dto.startsAt),
          agendaItems: agenda(dto.agendaItems) ?? [],
          attendees: dto.attendees ?? [],
        }),
      );
      const view = await this.store.meeting(actor, saved.id, m);
      await this.audit.record(m, actor, {
        action: 'meeting.scheduled',
        entityType: 'meeting',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  async updateMeeting(actor: Actor, id: string, dto: UpdateMeetingDto): Promise<MeetingViewDto> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const meeting = await m.findOne(Meeting, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!meeting) throw ProblemException.notFound('Meeting', id);
      if (meeting.version !== dto.version)
        throw ProblemException.staleVersion('Meeting', meeting.version);
      const before = await this.store.meeting(actor, id, m);
      if (dto.title !== undefined) meeting.title = dto.title;
      if (dto.startsAt !== undefined) meeting.startsAt = new Date(dto.startsAt);
      if (dto.agendaItems !== undefined) meeting.agendaItems = agenda(dto.agendaItems)!;
      if (dto.attendees !== undefined) meeting.attendees = dto.attendees;
      if (dto.minutes !== undefined) meeting.minutes = dto.minutes;
      await m.save(meeting);
      const after = await this.store.meeting(actor, id, m);
      await this.audit.record(m, actor, {
        action: 'meeting.updated',
        entityType: 'meeting',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  async addAction(actor: Actor, meetingId: string, dto: CreateMeetingActionDto) {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      if (!(await m.existsBy(Meeting, { id: meetingId })))
        throw ProblemException.notFound('Meeting', meetingId);
      const saved = await m.save(
        Object.assign(new MeetingAction(), {
          meetingId,
          title: dto.title,
          owner: dto.owner,
          dueDate: dto.dueDate,
        }),
      );
      await this.audit.record(m, actor, {
        action: 'meeting_action.created',
        entityType: 'meeting_action',
        entityId: saved.id,
        after: {
          meetingId,
          title: dto.title,
          owner: dto.owner,
          dueDate: dto.dueDate,
          status: 'open',
        },
      });
      return this.store.meeting(actor, meetingId, m);
    });
  }

  async moveAction(actor: Actor, meetingId: string, actionId: string, dto: MoveMeetingActionDto) {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const action = await m.findOne(MeetingAction, {
        where: { id: actionId, meetingId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!action) throw ProblemException.notFound('Meeting action', actionId);
      if (action.version !== dto.version)
        throw ProblemException.staleVersion('Meeting action', action.version);
      assertTransition(MEETING_ACTION_TRANSITIONS, action.status, dto.status, 'action');
      await m.update(MeetingAction, actionId, { status: dto.status, version: action.version + 1 });
      await this.audit.record(m, actor, {
        action: 'meeting_action.moved',
        entityType: 'meeting_action',
        entityId: actionId,
        before: { status: action.status },
        after: { status: dto.status },
      });
      return this.store.meeting(actor, meetingId, m);
    });
  }

  /** Members must be distinct, known organisations (a 400 names each bad position). */
  private async checkMembers(m: EntityManager, dto: CreateGovernanceGroupDto): Promise<void> {
    const ids = dto.members.map((x) => x.organisationId);
    const known = new Set(
      (
        await m.query<
          {
            id: string;
          }[]
        >(`SELECT id FROM organisations WHERE id = ANY($1::uuid[])`, [ids])
      ).map((r) => r.id),
    );
    const errors: FieldError[] = [];
    ids.forEach((id, i) => {
      if (!known.has(id))
        errors.push({ field: `members[${i}].organisationId`, message: 'not a known organisation' });
      else if (ids.indexOf(id) !== i)
        errors.push({ field: `members[${i}].organisationId`, message: 'listed twice' });
    });
    if (errors.length) throw ProblemException.invalidFields(errors);
  }
}
