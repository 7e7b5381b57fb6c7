import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { PublishRequirementSetDto } from './dto/requirement-set.dto.js';
import { REQUIREMENT_SET_TRANSITIONS } from './requirement-lifecycle.js';
import { diffRequirements, type RequirementDiff } from './requirement-diff.js';
import { RequirementSet } from './requirement-set.entity.js';
import {
  RequirementSetsService,
  type RequirementSetWithRequirements,
} from './requirement-sets.service.js';
import type { RequirementSetView } from './requirement-views.js';
import { assertTransition } from '../common/lifecycle/assert-transition.js';

type SetRef = Pick<RequirementSetView, 'id' | 'version' | 'status'>;
const ref = (s: SetRef): SetRef => ({ id: s.id, version: s.version, status: s.status });

/** Versioning of requirement sets: publish, copy forward, compare. */
@Injectable()
export class RequirementSetVersionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sets: RequirementSetsService,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  /**
   * Publishes a draft: it becomes immutable, the service's previous published version is
   * superseded, and `requirement_set.published` carries the diff against that version.
   */
  async publish(
    actor: Actor,
    id: string,
    dto: PublishRequirementSetDto,
  ): Promise<
    RequirementSetView & {
      diff: Omit<RequirementDiff, 'changes'> & { againstSetId: string | null };
    }
  > {
    return this.uow.run(async (tx) => {
      const set = await tx.manager.findOne(RequirementSet, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!set) throw ProblemException.notFound('Requirement set', id);
      assertTransition(REQUIREMENT_SET_TRANSITIONS, set.status, 'published', 'a requirement set');
      const previous = await tx.manager.findOne(RequirementSet, {
        where: { serviceId: set.serviceId, status: 'published' },
        lock: { mode: 'pessimistic_write' },
      });
      if (previous?.effectiveDate && dto.effectiveDate < previous.effectiveDate) {
        throw ProblemException.unprocessable(
          'effective_date_too_early',
          `effectiveDate must not be before ${previous.effectiveDate}, when version ${previous.version} took effect`,
        );
      }
      const [draftRows, previousRows] = await Promise.all([
        this.sets.requirements(id, tx.manager),
        previous ? this.sets.requirements(previous.id, tx.manager) : [],
      ]);
      if (draftRows.length === 0) {
        throw ProblemException.unprocessable(
          'empty_requirement_set',
          'A requirement set with no requirements cannot be published',
        );
      }
      const { added, changed, removed } = diffRequirements(previousRows, draftRows);
      const now = new Date();
      if (previous) {
        await tx.manager.update(
          RequirementSet,
          { id: previous.id },
          { status: 'superseded', supersededAt: now },
        );
      }
      await tx.manager.update(
        RequirementSet,
        { id },
        { status: 'published', effectiveDate: dto.effectiveDate, publishedAt: now },
      );
      const diff = { againstSetId: previous?.id ?? null, added, changed, removed };
      await this.audit.record(tx.manager, actor, {
        action: 'requirement_set.published',
        entityType: 'requirement_set',
        entityId: id,
        before: { status: 'draft', effectiveDate: null },
        after: {
          status: 'published',
          effectiveDate: dto.effectiveDate,
          supersededSetId: previous?.id ?? null,
          diff: { added: added.length, changed: changed.length, removed: removed.length },
          ...(dto.note && { note: dto.note }),
        },
      });
      tx.publish('requirement_set.published', {
        requirementSetId: id,
        serviceId: set.serviceId,
        version: set.version,
        previousSetId: previous?.id ?? null,
        effectiveDate: dto.effectiveDate,
        diff: { added, changed, removed },
      });
      return { ...(await this.sets.view(id, tx.manager)), diff };
    });
  }

  /** Starts the next version as a draft copy of a published (or superseded) set. */
  async newVersion(actor: Actor, id: string): Promise<RequirementSetWithRequirements> {
    const newId = await this.uow.run(async (tx) => {
      const source = await tx.manager.findOneBy(RequirementSet, { id });
      if (!source) throw ProblemException.notFound('Requirement set', id);
      if (source.status === 'draft') {
        throw ProblemException.conflict(
          'requirement_set_not_published',
          'A new version starts from a published set; this one is still a draft',
          { currentStatus: source.status },
        );
      }
      const [draft] = await tx.manager.query<{ id: string; version: number }[]>(
        `SELECT id, version FROM requirement_sets WHERE service_id = $1 AND status = 'draft'`,
        [source.serviceId],
      );
      if (draft) {
        throw ProblemException.conflict(
          'draft_exists',
          `This service already has a draft requirement set (version ${draft.version}); edit or discard it`,
          { draftId: draft.id },
        );
      }
      const [created]: { id: string; version: number }[] = await tx.manager.query(
        `INSERT INTO requirement_sets (service_id, version, status, title, summary, based_on_id)
         SELECT src.service_id,
                (SELECT max(version) + 1 FROM requirement_sets WHERE service_id = src.service_id),
                'draft', src.title, src.summary, src.id
           FROM requirement_sets src WHERE src.id = $1
         RETURNING id, version`,
        [id],
      );
      const copied = await tx.manager.query<{ id: string }[]>(
        `INSERT INTO requirements
           (requirement_set_id, code, title, description, level, category, acceptance_criteria, position)
         SELECT $2, code, title, description, level, category, acceptance_criteria, position
           FROM requirements WHERE requirement_set_id = $1 RETURNING id`,
        [id, created.id],
      );
      await this.audit.record(tx.manager, actor, {
        action: 'requirement_set.created',
        entityType: 'requirement_set',
        entityId: created.id,
        after: {
          serviceId: source.serviceId,
          version: created.version,
          status: 'draft',
          basedOnId: id,
          requirementCount: copied.length,
        },
      });
      return created.id;
    });
    return this.sets.get(newId);
  }

  /** What changed from `againstId` (the base) to `id`, by requirement code. */
  async diff(id: string, againstId: string) {
    const [target, base] = await Promise.all([
      this.sets.view(id),
      this.db.query<(SetRef & { service_id: string })[]>(
        `SELECT id, version, status, service_id FROM requirement_sets WHERE id = $1`,
        [againstId],
      ),
    ]);
    if (!base[0]) {
      throw ProblemException.unprocessable(
        'unknown_requirement_set',
        `Requirement set ${againstId} not found`,
      );
    }
    if (base[0].service_id !== target.service.id) {
      throw ProblemException.unprocessable(
        'different_services',
        'Only versions of the same service can be compared',
      );
    }
    const [targetRows, baseRows] = await Promise.all([
      this.sets.requirements(id),
      this.sets.requirements(againstId),
    ]);
    return {
      base: ref(base[0]),
      target: ref(target),
      ...diffRequirements(baseRows, targetRows),
    };
  }
}
