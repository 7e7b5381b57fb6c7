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
import { GovernanceRepository } from './governance.repository.js';
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
    private readonly store: GovernanceRepository,
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
      const id = await this.store.addGroup(m, dto.name, dto.description ?? '');
      if (!id)
        throw ProblemException.conflict('duplicate_name', `A group named ${dto.name} exists`);
      await this.store.addMembers(m, id, dto.members);
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
      if (!(await this.store.organisationExists(m, dto.organisationId)))
        throw ProblemException.invalidFields([
          { field: 'organisationId', message: 'not a known organisation' },
        ]);
      if (!(await this.store.addMember(m, groupId, dto)))
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
      if (!(await this.store.changeMemberRole(m, groupId, organisationId, dto.role)))
        throw ProblemException.notFound('Group member', organisationId);
      return { organisationId, role: dto.role };
    });
  }

  /** Removes a member; a supplier or council then gets 404 on the group and its meetings. */
  async removeMember(actor: Actor, groupId: string, organisationId: string) {
    return this.changeMembers(actor, groupId, 'governance_group.member_removed', async (m) => {
      if (!(await this.store.removeMember(m, groupId, organisationId)))
        throw ProblemException.notFound('Group member', organisationId);
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
      if (!(await this.store.lockGroup(m, groupId)))
        throw ProblemException.notFound('Governance group', groupId);
      const before = await this.store.group(actor, groupId, m);
      const detail = await change(m);
      await this.store.bumpGroupVersion(m, groupId);
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
      if (!(await this.store.groupExists(m, dto.groupId))) {
        throw ProblemException.invalidFields([
          { field: 'groupId', message: 'groupId is not a known group' },
        ]);
      }
      const saved = await this.store.persistMeeting(
        m,
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
      const meeting = await this.store.lockMeeting(m, id);
      if (!meeting) throw ProblemException.notFound('Meeting', id);
      if (meeting.version !== dto.version)
        throw ProblemException.staleVersion('Meeting', meeting.version);
      const before = await this.store.meeting(actor, id, m);
      if (dto.title !== undefined) meeting.title = dto.title;
      if (dto.startsAt !== undefined) meeting.startsAt = new Date(dto.startsAt);
      if (dto.agendaItems !== undefined) meeting.agendaItems = agenda(dto.agendaItems)!;
      if (dto.attendees !== undefined) meeting.attendees = dto.attendees;
      if (dto.minutes !== undefined) meeting.minutes = dto.minutes;
      await this.store.persistMeeting(m, meeting);
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
      if (!(await this.store.meetingExists(m, meetingId)))
        throw ProblemException.notFound('Meeting', meetingId);
      const saved = await this.store.persistAction(
        m,
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
      const action = await this.store.lockAction(m, meetingId, actionId);
      if (!action) throw ProblemException.notFound('Meeting action', actionId);
      if (action.version !== dto.version)
        throw ProblemException.staleVersion('Meeting action', action.version);
      assertTransition(MEETING_ACTION_TRANSITIONS, action.status, dto.status, 'action');
      await this.store.moveAction(m, actionId, dto.status, action.version + 1);
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
    const known = await this.store.knownOrganisations(m, ids);
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
