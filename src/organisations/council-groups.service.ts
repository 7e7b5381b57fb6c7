import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, type PageQueryDto, toPage } from '../common/pagination/page-query.dto.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { type CouncilGroupRow, CouncilGroupsRepository } from './council-groups.repository.js';
import { CouncilsService } from './councils.service.js';
import type { CouncilMembersDto, CreateCouncilGroupDto } from './dto/council-group.dto.js';
import { type CouncilView, toCouncilView } from './organisation-views.js';

type GroupView = CouncilGroupRow;

@Injectable()
export class CouncilGroupsService {
  constructor(
    private readonly groups: CouncilGroupsRepository,
    private readonly councils: CouncilsService,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async list(q: PageQueryDto): Promise<Page<GroupView>> {
    const [rows, total] = await this.groups.page(q.limit, q.offset);
    return toPage(rows, total, q);
  }

  async get(id: string): Promise<GroupView> {
    const row = await this.groups.get(id);
    if (!row) throw ProblemException.notFound('Council group', id);
    return row;
  }

  async members(id: string, q: PageQueryDto): Promise<Page<CouncilView>> {
    await this.get(id);
    const [rows, total] = await this.groups.membersPage(id, q.offset, q.limit);
    return toPage(rows.map(toCouncilView), total, q);
  }

  async create(actor: Actor, dto: CreateCouncilGroupDto): Promise<GroupView> {
    const memberIds = await this.councils.resolveIds(dto.councilIds, dto.gssCodes);
    if (await this.groups.existsByName(dto.name)) {
      throw ProblemException.conflict(
        'duplicate_name',
        `A council group named "${dto.name}" exists`,
      );
    }
    const id = await this.uow.run(async (tx) => {
      const group = await this.groups.create(tx.manager, {
        name: dto.name,
        description: dto.description ?? '',
      });
      await this.groups.insertMembers(tx.manager, group.id, memberIds);
      await this.audit.record(tx.manager, actor, {
        action: 'council_group.created',
        entityType: 'council_group',
        entityId: group.id,
        after: { name: group.name, description: group.description, members: memberIds.sort() },
      });
      return group.id;
    });
    return this.get(id);
  }

  async addMembers(actor: Actor, id: string, dto: CouncilMembersDto): Promise<GroupView> {
    await this.get(id);
    const memberIds = await this.councils.resolveIds(dto.councilIds, dto.gssCodes);
    if (memberIds.length === 0) {
      throw ProblemException.badRequest('validation_failed', 'Give councilIds or gssCodes', [
        { field: 'councilIds', message: 'councilIds or gssCodes must list at least one council' },
      ]);
    }
    await this.uow.run(async (tx) => {
      const added = await this.groups.insertMembers(tx.manager, id, memberIds);
      if (added.length > 0) tx.publish('council_group.members_changed', { groupId: id });
      await this.audit.record(tx.manager, actor, {
        action: 'council_group.members_added',
        entityType: 'council_group',
        entityId: id,
        before: { members: [] },
        after: { members: added.sort() },
      });
    });
    return this.get(id);
  }

  async removeMember(actor: Actor, id: string, councilId: string): Promise<GroupView> {
    await this.uow.run(async (tx) => {
      const removed = await this.groups.removeMember(tx.manager, id, councilId);
      if (!removed) throw ProblemException.notFound('Council group member', councilId);
      tx.publish('council_group.members_changed', { groupId: id });
      await this.audit.record(tx.manager, actor, {
        action: 'council_group.member_removed',
        entityType: 'council_group',
        entityId: id,
        before: { members: [councilId] },
        after: { members: [] },
      });
    });
    return this.get(id);
  }
}
