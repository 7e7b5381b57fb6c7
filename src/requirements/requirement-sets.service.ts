import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Service } from '../catalogue/service.entity.js';
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
import { assertUniqueCodes, insertRequirements } from './requirement-rows.js';
import { RequirementSet } from './requirement-set.entity.js';
import {
  REQUIREMENT_COLUMNS,
  type RequirementSetView,
  type RequirementView,
  SET_VIEW_SQL,
} from './requirement-views.js';

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
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async list(serviceId: string, q: RequirementSetQueryDto): Promise<Page<RequirementSetView>> {
    await this.requireService(serviceId);
    const filter = `WHERE rs.service_id = $1 AND ($2::text IS NULL OR rs.status = $2)`;
    const [rows, [{ total }]] = await Promise.all([
      this.db.query<RequirementSetView[]>(
        `${SET_VIEW_SQL} ${filter} ORDER BY rs.version DESC LIMIT $3 OFFSET $4`,
        [serviceId, q.status ?? null, q.limit, q.offset],
      ),
      this.db.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM requirement_sets rs ${filter}`,
        [serviceId, q.status ?? null],
      ),
    ]);
    return toPage(rows, total, q);
  }

  async view(id: string, m: EntityManager = this.db.manager): Promise<RequirementSetView> {
    const [row] = await m.query<RequirementSetView[]>(`${SET_VIEW_SQL} WHERE rs.id = $1`, [id]);
    if (!row) throw ProblemException.notFound('Requirement set', id);
    return row;
  }

  async get(
    id: string,
    m: EntityManager = this.db.manager,
  ): Promise<RequirementSetWithRequirements> {
    const [set, requirements] = await Promise.all([this.view(id, m), this.requirements(id, m)]);
    return { ...set, requirements };
  }

  async requirements(id: string, m: EntityManager = this.db.manager): Promise<RequirementView[]> {
    return m.query(
      `SELECT ${REQUIREMENT_COLUMNS} FROM requirements WHERE requirement_set_id = $1 ORDER BY position`,
      [id],
    );
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
      const [set]: { id: string; version: number; createdAt: Date; updatedAt: Date }[] =
        await tx.manager.query(
          `INSERT INTO requirement_sets (service_id, version, status, title, summary)
           SELECT $1, coalesce(max(version), 0) + 1, 'draft', $2, $3
             FROM requirement_sets WHERE service_id = $1
           HAVING count(*) FILTER (WHERE status = 'draft') = 0
           RETURNING id, version, created_at AS "createdAt", updated_at AS "updatedAt"`,
          [serviceId, dto.title, summary],
        );
      if (!set) await this.refuseSecondDraft(tx.manager, service);
      const requirements = await insertRequirements(tx.manager, set.id, dto.requirements);
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
      await m.update(
        RequirementSet,
        { id },
        { title: dto.title ?? set.title, summary: dto.summary ?? set.summary },
      );
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
      await m.update(RequirementSet, { id }, { updatedAt: new Date() });
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
      const [existing]: RequirementView[] = await tx.manager.query(
        `SELECT ${REQUIREMENT_COLUMNS} FROM requirements WHERE requirement_set_id = $1 AND code = $2`,
        [id, code],
      );
      const content = {
        title: dto.title,
        description: dto.description ?? '',
        level: dto.level,
        category: dto.category ?? '',
        acceptanceCriteria: dto.acceptanceCriteria ?? '',
      };
      let saved: RequirementView;
      if (existing) {
        [[saved]] = await tx.manager.query(
          `UPDATE requirements SET title = $3, description = $4, level = $5, category = $6,
                  acceptance_criteria = $7
            WHERE requirement_set_id = $1 AND code = $2 RETURNING ${REQUIREMENT_COLUMNS}`,
          [id, code, ...Object.values(content)],
        );
      } else {
        const [{ n, last }] = await tx.manager.query<{ n: number; last: number }[]>(
          `SELECT count(*)::int AS n, coalesce(max(position), 0)::int AS last
             FROM requirements WHERE requirement_set_id = $1`,
          [id],
        );
        if (n >= MAX_REQUIREMENTS) {
          throw ProblemException.unprocessable(
            'too_many_requirements',
            `A requirement set holds at most ${MAX_REQUIREMENTS} requirements`,
          );
        }
        [saved] = await insertRequirements(tx.manager, id, [{ code, ...content }], last);
      }
      await tx.manager.update(RequirementSet, { id }, { updatedAt: new Date() });
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
      const [[removed]]: RequirementView[][] = await tx.manager.query(
        `DELETE FROM requirements WHERE requirement_set_id = $1 AND code = $2
         RETURNING ${REQUIREMENT_COLUMNS}`,
        [id, code],
      );
      if (!removed) throw ProblemException.notFound('Requirement', code);
      await tx.manager.update(RequirementSet, { id }, { updatedAt: new Date() });
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
      await tx.manager.delete(RequirementSet, { id });
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
    const set = await m.findOne(RequirementSet, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
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
    await m.query(`DELETE FROM requirements WHERE requirement_set_id = $1`, [id]);
    await insertRequirements(m, id, items);
  }

  private async refuseSecondDraft(m: EntityManager, service: Service): Promise<never> {
    const [draft] = await m.query<{ id: string; version: number }[]>(
      `SELECT id, version FROM requirement_sets WHERE service_id = $1 AND status = 'draft'`,
      [service.id],
    );
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
    const service = await this.db.getRepository(Service).findOneBy({ id });
    if (!service) throw ProblemException.notFound('Service', id);
    return service;
  }
}
