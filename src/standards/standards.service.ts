import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import type { Service } from '../catalogue/service.entity.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { todayIso } from '../common/validation/is-iso-date.decorator.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type {
  CreateStandardDto,
  StandardTransitionDto,
  UpdateStandardDto,
} from './dto/standard.dto.js';
import type { StandardQueryDto } from './dto/standard-query.dto.js';
import { SchemaValidator } from './schema-validator.js';
import { STANDARD_TRANSITIONS, type StandardStatus } from './standard-lifecycle.js';
import type { Standard } from './standard.entity.js';
import { StandardsRepository } from './standards.repository.js';
import {
  type StandardDetailView,
  type StandardView,
  toStandardDetailView,
  toStandardView,
} from './standard-views.js';
import { assertTransition } from '../common/lifecycle/assert-transition.js';

/** The date column each status records. */
const DATE_OF: Record<StandardStatus, 'effectiveFrom' | 'deprecatedFrom' | 'retiredFrom' | null> = {
  draft: null,
  active: 'effectiveFrom',
  deprecated: 'deprecatedFrom',
  retired: 'retiredFrom',
};

/** Interoperability and data standards: lifecycle, governed services, JSON Schema. */
@Injectable()
export class StandardsService {
  constructor(
    private readonly standards: StandardsRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly schemas: SchemaValidator,
  ) {}

  async list(q: StandardQueryDto): Promise<Page<StandardView>> {
    const [rows, total] = await this.standards.list(q);
    return toPage(rows.map(toStandardView), total, q);
  }

  async get(id: string, m?: EntityManager): Promise<StandardDetailView> {
    const standard = await this.standards.findWithRelations(id, m);
    if (!standard) throw ProblemException.notFound('Standard', id);
    return toStandardDetailView(standard);
  }

  async create(actor: Actor, dto: CreateStandardDto): Promise<StandardDetailView> {
    await this.requireOwner(dto.ownerId);
    const services = await this.resolveServices(dto.serviceIds ?? []);
    if (dto.jsonSchema) this.schemas.check(dto.jsonSchema);
    if (await this.standards.exists(dto.code, dto.version)) {
      throw ProblemException.conflict(
        'duplicate_standard',
        `Standard ${dto.code} version ${dto.version} exists`,
      );
    }
    return this.uow.run(async (tx) => {
      const saved = await this.standards.create(tx.manager, {
        code: dto.code,
        version: dto.version,
        name: dto.name,
        description: dto.description ?? '',
        ownerId: dto.ownerId,
        status: 'draft',
        jsonSchema: dto.jsonSchema ?? null,
        services,
      });
      if (await this.standards.hasOtherVersion(tx.manager, dto.code, saved.id)) {
        tx.publish('standard.version_added', {
          standardId: saved.id,
          code: dto.code,
          version: dto.version,
        });
      }
      const view = await this.get(saved.id, tx.manager);
      await this.audit.record(tx.manager, actor, {
        action: 'standard.created',
        entityType: 'standard',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateStandardDto): Promise<StandardDetailView> {
    const { revision, serviceIds, jsonSchema, ...fields } = dto;
    if (fields.ownerId) await this.requireOwner(fields.ownerId);
    const services = serviceIds ? await this.resolveServices(serviceIds) : null;
    if (jsonSchema) this.schemas.check(jsonSchema);
    return this.mutate(actor, id, 'standard.updated', async (m, s) => {
      if (s.revision !== revision) throw ProblemException.staleVersion('Standard', s.revision);
      if (jsonSchema !== undefined && s.status !== 'draft') {
        throw ProblemException.conflict(
          'standard_not_draft',
          `The schema of a ${s.status} standard is fixed; create a new version of the standard instead`,
          { currentStatus: s.status },
        );
      }
      const patch = {
        ...fields,
        name: fields.name ?? s.name,
        ...(jsonSchema !== undefined && { jsonSchema }),
      };
      await this.standards.update(m, id, patch as QueryDeepPartialEntity<Standard>);
      if (services) {
        await this.standards.replaceServices(
          m,
          id,
          services.map((x) => x.id),
        );
      }
    });
  }

  /** Lifecycle moves: draft → active → deprecated → retired (see STANDARD_TRANSITIONS). */
  async transition(
    actor: Actor,
    id: string,
    dto: StandardTransitionDto,
  ): Promise<StandardDetailView> {
    const effective = dto.effectiveDate ?? todayIso();
    return this.mutate(
      actor,
      id,
      'standard.status_changed',
      async (m, s) => {
        assertTransition(STANDARD_TRANSITIONS, s.status, dto.to, 'a standard');
        if (dto.to !== 'active' && s.effectiveFrom && effective < s.effectiveFrom) {
          throw ProblemException.unprocessable(
            'effective_date_too_early',
            `effectiveDate must not be before ${s.effectiveFrom}, when the standard became active`,
          );
        }
        const column = DATE_OF[dto.to]!;
        const reinstated = s.status === 'deprecated' && dto.to === 'active';
        await this.standards.update(
          m,
          id,
          reinstated
            ? { status: dto.to, deprecatedFrom: null }
            : { status: dto.to, [column]: effective },
        );
      },
      dto.note,
    );
  }

  private async mutate(
    actor: Actor,
    id: string,
    action: string,
    change: (m: EntityManager, s: Standard) => Promise<void>,
    note?: string,
  ): Promise<StandardDetailView> {
    return this.uow.run(async (tx) => {
      const standard = await this.standards.lockForChange(tx.manager, id);
      if (!standard) throw ProblemException.notFound('Standard', id);
      const before = await this.get(id, tx.manager);
      await change(tx.manager, standard);
      const after = await this.get(id, tx.manager);
      await this.audit.record(tx.manager, actor, {
        action,
        entityType: 'standard',
        entityId: id,
        before,
        after: note ? { ...after, note } : after,
      });
      return after;
    });
  }

  private async requireOwner(id: string): Promise<void> {
    const org = await this.standards.findOrganisation(id);
    if (!org || (org.type !== 'AGENCY' && org.type !== 'PROGRAMME_OFFICE')) {
      throw ProblemException.unprocessable(
        'invalid_owner',
        `Organisation ${id} is not an agency or the programme office`,
      );
    }
  }

  private async resolveServices(ids: string[]): Promise<Service[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const found = await this.standards.findServices(unique);
    const missing = unique.filter((i) => !found.some((s) => s.id === i));
    if (missing.length > 0) {
      throw ProblemException.unprocessable(
        'unknown_services',
        `Not services: ${missing.join(', ')}`,
        { missing },
      );
    }
    return found;
  }
}
