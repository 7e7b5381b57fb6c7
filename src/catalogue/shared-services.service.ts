import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, type PageQueryDto, toPage } from '../common/pagination/page-query.dto.js';
import { CouncilsService } from '../organisations/councils.service.js';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { SharedServiceView } from './catalogue-views.js';
import type {
  CreateSharedServiceDto,
  SharedServiceMembersDto,
  UpdateSharedServiceDto,
} from './dto/shared-service.dto.js';
import type { SharedServiceQueryDto } from './dto/shared-service-query.dto.js';
import { ServicesRepository } from './services.repository.js';
import { type CouncilMemberRow, SharedServicesRepository } from './shared-services.repository.js';

type CouncilMemberView = CouncilMemberRow;

/** Shared services (one hosted instance serving many councils) and their members. */
@Injectable()
export class SharedServicesService {
  constructor(
    private readonly shared: SharedServicesRepository,
    private readonly services: ServicesRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly councils: CouncilsService,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async list(q: SharedServiceQueryDto): Promise<Page<SharedServiceView>> {
    const [rows, total] = await this.shared.page(q);
    return toPage(rows, total, q);
  }

  async get(id: string, m?: EntityManager): Promise<SharedServiceView> {
    const row = await this.shared.view(id, m);
    if (!row) throw ProblemException.notFound('Shared service', id);
    return row;
  }

  async members(id: string, q: PageQueryDto): Promise<Page<CouncilMemberView>> {
    await this.get(id);
    const [rows, total] = await this.shared.membersPage(id, q.limit, q.offset);
    return toPage(rows, total, q);
  }

  async create(actor: Actor, dto: CreateSharedServiceDto): Promise<SharedServiceView> {
    if (!(await this.services.exists(dto.serviceId))) {
      throw ProblemException.unprocessable('unknown_service', `Service ${dto.serviceId} not found`);
    }
    await this.requireOperator(dto.operatorId);
    const memberIds = await this.resolveMembers(dto);
    await this.refuseDuplicateName(dto.name);
    const id = await this.uow.run(async (tx) => {
      const saved = await this.shared.create(tx.manager, {
        name: dto.name,
        description: dto.description ?? '',
        serviceId: dto.serviceId,
        operatorId: dto.operatorId,
      });
      const added = await this.shared.insertMembers(tx.manager, saved.id, memberIds);
      await this.audit.record(tx.manager, actor, {
        action: 'shared_service.created',
        entityType: 'shared_service',
        entityId: saved.id,
        after: {
          name: saved.name,
          description: saved.description,
          serviceId: saved.serviceId,
          operatorId: saved.operatorId,
          members: added.sort(),
        },
      });
      return saved.id;
    });
    return this.get(id);
  }

  async update(actor: Actor, id: string, dto: UpdateSharedServiceDto): Promise<SharedServiceView> {
    const { version, ...fields } = dto;
    if (fields.operatorId) await this.requireOperator(fields.operatorId);
    if (fields.name) await this.refuseDuplicateName(fields.name, id);
    return this.uow.run(async (tx) => {
      const shared = await this.shared.lockForChange(tx.manager, id);
      if (!shared) throw ProblemException.notFound('Shared service', id);
      if (shared.version !== version) {
        throw ProblemException.staleVersion('Shared service', shared.version);
      }
      const before = await this.get(id, tx.manager);
      await this.shared.update(tx.manager, Object.assign(shared, fields));
      const after = await this.get(id, tx.manager);
      await this.audit.record(tx.manager, actor, {
        action: 'shared_service.updated',
        entityType: 'shared_service',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  /** Adds councils by id, GSS code or council group; existing members are kept. */
  async addMembers(
    actor: Actor,
    id: string,
    dto: SharedServiceMembersDto,
  ): Promise<SharedServiceView & { added: number }> {
    await this.get(id);
    const memberIds = await this.resolveMembers(dto);
    if (memberIds.length === 0) {
      throw ProblemException.badRequest(
        'validation_failed',
        'Give councilIds, gssCodes or councilGroupId',
        [{ field: 'councilIds', message: 'name at least one council, by id, GSS code or group' }],
      );
    }
    const added = await this.uow.run(async (tx) => {
      const ids = await this.shared.insertMembers(tx.manager, id, memberIds);
      await this.audit.record(tx.manager, actor, {
        action: 'shared_service.members_added',
        entityType: 'shared_service',
        entityId: id,
        before: { members: [] },
        after: { members: ids.sort() },
      });
      return ids;
    });
    return { ...(await this.get(id)), added: added.length };
  }

  async removeMember(actor: Actor, id: string, councilId: string): Promise<SharedServiceView> {
    await this.uow.run(async (tx) => {
      const removed = await this.shared.removeMember(tx.manager, id, councilId);
      if (!removed) throw ProblemException.notFound('Shared service member', councilId);
      await this.audit.record(tx.manager, actor, {
        action: 'shared_service.member_removed',
        entityType: 'shared_service',
        entityId: id,
        before: { members: [councilId] },
        after: { members: [] },
      });
    });
    return this.get(id);
  }

  private async resolveMembers(dto: SharedServiceMembersDto): Promise<string[]> {
    const [named, inGroup] = await Promise.all([
      this.councils.resolveIds(dto.councilIds, dto.gssCodes),
      dto.councilGroupId ? this.councils.idsInGroup(dto.councilGroupId) : [],
    ]);
    return [...new Set([...named, ...inGroup])];
  }

  private async requireOperator(id: string): Promise<void> {
    const org = await this.organisations.findOneBy({ id });
    if (!org || (org.type !== 'SUPPLIER' && org.type !== 'COUNCIL')) {
      throw ProblemException.unprocessable(
        'invalid_operator',
        `Organisation ${id} is not a supplier or a council`,
      );
    }
  }

  private async refuseDuplicateName(name: string, exceptId?: string): Promise<void> {
    const existing = await this.shared.findByName(name);
    if (existing && existing.id !== exceptId) {
      throw ProblemException.conflict('duplicate_name', `A shared service named "${name}" exists`);
    }
  }
}
