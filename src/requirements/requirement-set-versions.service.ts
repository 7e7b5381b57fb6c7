import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { PublishRequirementSetDto } from './dto/requirement-set.dto.js';
import { REQUIREMENT_SET_TRANSITIONS } from './requirement-lifecycle.js';
import { diffRequirements, type RequirementDiff } from './requirement-diff.js';
import { RequirementSetsRepository } from './requirement-sets.repository.js';
import {
  RequirementSetsService,
  type RequirementSetWithRequirements,
} from './requirement-sets.service.js';
import type { RequirementSetView } from './requirement-views.js';
import { RequirementsRepository } from './requirements.repository.js';
import { assertTransition } from '../common/lifecycle/assert-transition.js';

type SetRef = Pick<RequirementSetView, 'id' | 'version' | 'status'>;
const ref = (s: SetRef): SetRef => ({ id: s.id, version: s.version, status: s.status });

/** Versioning of requirement sets: publish, copy forward, compare. */
@Injectable()
export class RequirementSetVersionsService {
  constructor(
    private readonly sets: RequirementSetsService,
    private readonly setRows: RequirementSetsRepository,
    private readonly rows: RequirementsRepository,
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
      const set = await this.setRows.lockForChange(tx.manager, id);
      if (!set) throw ProblemException.notFound('Requirement set', id);
      assertTransition(REQUIREMENT_SET_TRANSITIONS, set.status, 'published', 'a requirement set');
      const previous = await this.setRows.lockPublished(tx.manager, set.serviceId);
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
        await this.setRows.update(tx.manager, previous.id, {
          status: 'superseded',
          supersededAt: now,
        });
      }
      await this.setRows.update(tx.manager, id, {
        status: 'published',
        effectiveDate: dto.effectiveDate,
        publishedAt: now,
      });
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
      const source = await this.setRows.find(tx.manager, id);
      if (!source) throw ProblemException.notFound('Requirement set', id);
      if (source.status === 'draft') {
        throw ProblemException.conflict(
          'requirement_set_not_published',
          'A new version starts from a published set; this one is still a draft',
          { currentStatus: source.status },
        );
      }
      const draft = await this.setRows.draftOf(tx.manager, source.serviceId);
      if (draft) {
        throw ProblemException.conflict(
          'draft_exists',
          `This service already has a draft requirement set (version ${draft.version}); edit or discard it`,
          { draftId: draft.id },
        );
      }
      const created = await this.setRows.insertNextVersion(tx.manager, id);
      const copied = await this.rows.copy(tx.manager, id, created.id);
      await this.audit.record(tx.manager, actor, {
        action: 'requirement_set.created',
        entityType: 'requirement_set',
        entityId: created.id,
        after: {
          serviceId: source.serviceId,
          version: created.version,
          status: 'draft',
          basedOnId: id,
          requirementCount: copied,
        },
      });
      return created.id;
    });
    return this.sets.get(newId);
  }

  /** What changed from `againstId` (the base) to `id`, by requirement code. */
  async diff(id: string, againstId: string) {
    const [target, base] = await Promise.all([this.sets.view(id), this.setRows.ref(againstId)]);
    if (!base) {
      throw ProblemException.unprocessable(
        'unknown_requirement_set',
        `Requirement set ${againstId} not found`,
      );
    }
    if (base.service_id !== target.service.id) {
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
      base: ref(base),
      target: ref(target),
      ...diffRequirements(baseRows, targetRows),
    };
  }
}
