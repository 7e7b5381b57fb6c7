import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import type { Service } from '../catalogue/service.entity.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { RequirementContentDto, RequirementDto } from './dto/requirement.dto.js';
import type {
  CreateRequirementSetDto,
  UpdateRequirementSetDto,
} from './dto/requirement-set.dto.js';
import type { RequirementSetQueryDto } from './dto/requirement-set-query.dto.js';
import { MAX_REQUIREMENTS, REQUIREMENT_CODE } from './requirement-lifecycle.js';
import { diffRequirements } from './requirement-diff.js';
import { assertUniqueCodes } from './requirement-rows.js';
import type { RequirementSet } from './requirement-set.entity.js';
import { RequirementSetsRepository } from './requirement-sets.repository.js';
import type { RequirementSetView, RequirementView } from './requirement-views.js';
import { RequirementsRepository } from './requirements.repository.js';

export type RequirementSetWithRequirements = RequirementSetView & {
  requirements: RequirementView[];
};

const counts = (items: { level: string }[]) => ({
  total: items.length,
  MUST: items.filter((r) => r.level === 'MUST').length,
  SHOULD: items.filter((r) => r.level === 'SHOULD').length,
  MAY: items.filter((r) => r.level === 'MAY').length,
});

/** Requirement sets of a service: drafts are created and edited here. */
@Injectable()
export class RequirementSetsService {
  constructor(
    private readonly sets: RequirementSetsRepository,
    private readonly rows: RequirementsRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async list(serviceId: string, q: RequirementSetQueryDto): Promise<Page<RequirementSetView>> {
    await this.requireService(serviceId);
    const [rows, total] = await this.sets.page(serviceId, q.status ?? null, q.limit, q.offset);
    return toPage(rows, total, q);
  }

  async view(id: string, m?: EntityManager): Promise<RequirementSetView> {
    const row = await this.sets.view(id, m);
    if (!row) throw ProblemException.notFound('Requirement set', id);
    return row;
  }

  async get(id: string, m?: EntityManager): Promise<RequirementSetWithRequirements> {
    const [set, requirements] = await Promise.all([this.view(id, m), this.requirements(id, m)]);
    return { ...set, requirements };
  }

  async requirements(id: string, m?: EntityManager): Promise<RequirementView[]> {
    return this.rows.listOfSet(id, m);
  }

  /**
   * A new draft with all its requirements, in a bounded number of statements whatever the
   * number of requirements: one for the set (version = last + 1, refused if a draft
   * exists), one per REQUIREMENT_INSERT_CHUNK requirements, one for the audit event.
   */
  async createDraft(
    actor: Actor,
    serviceId: string,
    dto: CreateRequirementSetDto,
  ): Promise<RequirementSetWithRequirements> {
    assertUniqueCodes(dto.requirements, (i) => `requirements[${i}].code`);
    const service = await this.requireService(serviceId);
    if (service.status === 'retired') {
      throw ProblemException.conflict(
        'service_retired',
        `Service ${service.code} is retired; it takes no new requirement sets`,
      );
    }
    const summary = dto.summary ?? '';
    return this.uow.run(async (tx) => {
      const set = await this.sets.insertDraft(tx.manager, serviceId, dto.title, summary);
      if (!set) return this.refuseSecondDraft(tx.manager, service);
      const requirements = await this.rows.add(tx.manager, set.id, dto.requirements);
      await this.audit.record(tx.manager, actor, {
        action: 'requirement_set.created',
        entityType: 'requirement_set',
        entityId: set.id,
        after: {
          serviceId,
          version: set.version,
          status: 'draft',
          title: dto.title,
          summary,
          requirementCodes: requirements.map((r) => r.code),
        },
      });
      return {
        id: set.id,
        service: { id: service.id, code: service.code, name: service.name },
        version: set.version,
        status: 'draft' as const,
        title: dto.title,
        summary,
        effectiveDate: null,
        publishedAt: null,
        supersededAt: null,
        basedOnId: null,
        requirementCounts: counts(requirements),
        createdAt: set.createdAt,
        updatedAt: set.updatedAt,
        requirements,
      };
    });
  }

  async update(
    actor: Actor,
    id: string,
    dto: UpdateRequirementSetDto,
  ): Promise<RequirementSetWithRequirements> {
    if (dto.requirements) assertUniqueCodes(dto.requirements, (i) => `requirements[${i}].code`);
    return this.edit(actor, id, 'requirement_set.updated', async (m, set) => {
      await this.sets.update(m, id, {
        title: dto.title ?? set.title,
        summary: dto.summary ?? set.summary,
      });
      if (dto.requirements) await this.replace(m, id, dto.requirements);
    });
  }

  /** Replaces every requirement of a draft (CSV import, PATCH with requirements). */
  async replaceRequirements(
    actor: Actor,
    id: string,
    items: RequirementDto[],
    action: string,
  ): Promise<RequirementSetWithRequirements> {
    return this.edit(actor, id, action, async (m) => {
      await this.sets.update(m, id, { updatedAt: new Date() });
      await this.replace(m, id, items);
    });
  }

  /** Adds or changes one requirement of a draft, by code. */
  async putRequirement(
    actor: Actor,
    id: string,
    code: string,
    dto: RequirementContentDto,
  ): Promise<RequirementView> {
    this.assertCode(code);
    return this.uow.run(async (tx) => {
      await this.lockDraft(tx.manager, id);
      const existing = await this.rows.findByCode(tx.manager, id, code);
      const content = {
        title: dto.title,
        description: dto.description ?? '',
        level: dto.level,
        category: dto.category ?? '',
        acceptanceCriteria: dto.acceptanceCriteria ?? '',
      };
      let saved: RequirementView;
      if (existing) {
        saved = await this.rows.updateByCode(tx.manager, id, code, content);
      } else {
        const { n, last } = await this.rows.countAndLast(tx.manager, id);
        if (n >= MAX_REQUIREMENTS) {
          throw ProblemException.unprocessable(
            'too_many_requirements',
            `A requirement set holds at most ${MAX_REQUIREMENTS} requirements`,
          );
        }
        [saved] = await this.rows.add(tx.manager, id, [{ code, ...content }], last);
      }
      await this.sets.update(tx.manager, id, { updatedAt: new Date() });
      await this.audit.record(tx.manager, actor, {
        action: existing ? 'requirement.updated' : 'requirement.added',
        entityType: 'requirement',
        entityId: saved.id,
        before: existing ?? null,
        after: { ...saved, requirementSetId: id },
      });
      return saved;
    });
  }

  async removeRequirement(actor: Actor, id: string, code: string): Promise<void> {
    this.assertCode(code);
    await this.uow.run(async (tx) => {
      await this.lockDraft(tx.manager, id);
      const removed = await this.rows.deleteByCode(tx.manager, id, code);
      if (!removed) throw ProblemException.notFound('Requirement', code);
      await this.sets.update(tx.manager, id, { updatedAt: new Date() });
      await this.audit.record(tx.manager, actor, {
        action: 'requirement.removed',
        entityType: 'requirement',
        entityId: removed.id,
        before: { ...removed, requirementSetId: id },
      });
    });
  }

  /** Deletes a draft and its requirements. */
  async discard(actor: Actor, id: string): Promise<void> {
    await this.uow.run(async (tx) => {
      await this.lockDraft(tx.manager, id);
      const before = await this.view(id, tx.manager);
      await this.sets.delete(tx.manager, id);
      await this.audit.record(tx.manager, actor, {
        action: 'requirement_set.discarded',
        entityType: 'requirement_set',
        entityId: id,
        before,
      });
    });
  }

  /** Locks a set for an edit; 409 unless it is a draft (published sets are immutable). */
  async lockDraft(m: EntityManager, id: string): Promise<RequirementSet> {
    const set = await this.sets.lockForChange(m, id);
    if (!set) throw ProblemException.notFound('Requirement set', id);
    if (set.status !== 'draft') {
      throw ProblemException.conflict(
        'requirement_set_immutable',
        `Requirement set version ${set.version} is ${set.status} and cannot be changed; start a new version from it instead`,
        { currentStatus: set.status },
      );
    }
    return set;
  }

  private async edit(
    actor: Actor,
    id: string,
    action: string,
    change: (m: EntityManager, set: RequirementSet) => Promise<void>,
  ): Promise<RequirementSetWithRequirements> {
    return this.uow.run(async (tx) => {
      const set = await this.lockDraft(tx.manager, id);
      const before = await this.get(id, tx.manager);
      await change(tx.manager, set);
      const after = await this.get(id, tx.manager);
      const { added, changed, removed } = diffRequirements(before.requirements, after.requirements);
      await this.audit.record(tx.manager, actor, {
        action,
        entityType: 'requirement_set',
        entityId: id,
        before: { title: before.title, summary: before.summary },
        after: {
          title: after.title,
          summary: after.summary,
          ...((added.length || changed.length || removed.length) && {
            requirements: { added, changed, removed },
          }),
        },
      });
      return after;
    });
  }

  private async replace(m: EntityManager, id: string, items: RequirementDto[]): Promise<void> {
    await this.rows.deleteOfSet(m, id);
    await this.rows.add(m, id, items);
  }

  private async refuseSecondDraft(m: EntityManager, service: Service): Promise<never> {
    const draft = await this.sets.draftOf(m, service.id);
    throw ProblemException.conflict(
      'draft_exists',
      `Service ${service.code} already has a draft requirement set (version ${draft?.version}); edit or discard it`,
      { draftId: draft?.id ?? null },
    );
  }

  private assertCode(code: string): void {
    if (!REQUIREMENT_CODE.test(code)) {
      throw ProblemException.badRequest('validation_failed', 'Bad requirement code', [
        { field: 'code', message: 'code must look like ADM-014' },
      ]);
    }
  }

  private async requireService(id: string): Promise<Service> {
    const service = await this.sets.findService(id);
    if (!service) throw ProblemException.notFound('Service', id);
    return service;
  }
}
