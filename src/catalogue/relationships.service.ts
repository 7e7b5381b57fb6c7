import { Injectable } from '@nestjs/common';
import { type EntityManager, QueryFailedError } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { type RelationshipView, toRelationshipView } from './catalogue-views.js';
import type { CreateRelationshipDto } from './dto/relationship.dto.js';
import type { RelationshipQueryDto } from './dto/relationship-query.dto.js';
import { RelationshipsRepository } from './relationships.repository.js';
import { ServicesRepository } from './services.repository.js';

/** Relationships between services; depends_on edges never form a cycle. */
@Injectable()
export class RelationshipsService {
  constructor(
    private readonly relationships: RelationshipsRepository,
    private readonly services: ServicesRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async list(serviceId: string, q: RelationshipQueryDto): Promise<Page<RelationshipView>> {
    await this.requireService(serviceId);
    const [rows, total] = await this.relationships.page(serviceId, q);
    return toPage(rows.map(toRelationshipView), total, q);
  }

  async create(
    actor: Actor,
    fromId: string,
    dto: CreateRelationshipDto,
  ): Promise<RelationshipView> {
    await this.requireService(fromId);
    if (dto.toServiceId === fromId) {
      throw ProblemException.unprocessable(
        'self_relationship',
        'A service cannot be related to itself',
      );
    }
    if (!(await this.services.exists(dto.toServiceId))) {
      throw ProblemException.unprocessable(
        'unknown_service',
        `Service ${dto.toServiceId} not found`,
      );
    }
    try {
      return await this.uow.run(async (tx) => {
        if (dto.type === 'depends_on') {
          await this.relationships.lockDependsOn(tx.manager);
          await this.refuseCycle(tx.manager, fromId, dto.toServiceId);
        }
        await this.refuseDuplicate(tx.manager, fromId, dto);
        const saved = await this.relationships.create(tx.manager, {
          fromServiceId: fromId,
          toServiceId: dto.toServiceId,
          type: dto.type,
          standardId: dto.standardId ?? null,
          description: dto.description ?? '',
        });
        const view = toRelationshipView(await this.relationships.getById(tx.manager, saved.id));
        await this.audit.record(tx.manager, actor, {
          action: 'service_relationship.created',
          entityType: 'service_relationship',
          entityId: saved.id,
          after: view,
        });
        return view;
      });
    } catch (err) {
      const fkViolation =
        err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '23503';
      if (fkViolation && dto.standardId) {
        throw ProblemException.unprocessable(
          'unknown_standard',
          `Standard ${dto.standardId} not found`,
        );
      }
      throw err;
    }
  }

  async remove(actor: Actor, serviceId: string, id: string): Promise<void> {
    await this.uow.run(async (tx) => {
      const rel = await this.relationships.findForService(tx.manager, id, serviceId);
      if (!rel) throw ProblemException.notFound('Relationship', id);
      await this.relationships.delete(tx.manager, id);
      await this.audit.record(tx.manager, actor, {
        action: 'service_relationship.deleted',
        entityType: 'service_relationship',
        entityId: id,
        before: toRelationshipView(rel),
      });
    });
  }

  /**
   * 409 when `from` depends_on `to` would close a loop: walks depends_on edges from `to`
   * (one recursive query) and names the shortest cycle found, e.g. A → B → C → A.
   */
  private async refuseCycle(m: EntityManager, fromId: string, toId: string): Promise<void> {
    const cycle = await this.relationships.cycle(m, fromId, toId);
    if (cycle) {
      throw ProblemException.conflict(
        'dependency_cycle',
        `${cycle[0]} depends_on ${cycle[1]} would create a cycle: ${cycle.join(' → ')}`,
        { cycle },
      );
    }
  }

  /** One edge per pair and type; exchanges_data_with is the same edge in either direction. */
  private async refuseDuplicate(
    m: EntityManager,
    fromId: string,
    dto: CreateRelationshipDto,
  ): Promise<void> {
    const dup = await this.relationships.findDuplicate(m, fromId, dto.toServiceId, dto.type);
    if (dup) {
      throw ProblemException.conflict(
        'duplicate_relationship',
        `These services already have a ${dto.type} relationship`,
        { relationshipId: dup.id },
      );
    }
  }

  private async requireService(id: string): Promise<void> {
    if (!(await this.services.exists(id))) {
      throw ProblemException.notFound('Service', id);
    }
  }
}
