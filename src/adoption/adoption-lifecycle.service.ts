import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { todayIso } from '../common/validation/is-iso-date.decorator.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { AdoptionTransitionDto } from './dto/adoption-transition.dto.js';
import { ADOPTION_TRANSITIONS, stagesPassed } from './adoption-lifecycle.js';
import { AdoptionRules } from './adoption-rules.service.js';
import { adoptionSnapshot } from './adoption-snapshot.js';
import { AdoptionStore } from './adoption-store.service.js';
import { AdoptionsRepository } from './adoptions.repository.js';
import { type AdoptionView, toAdoptionView } from './adoption-views.js';
import { assertTransition } from '../common/lifecycle/assert-transition.js';

/**
 * Stage moves (see ADOPTION_TRANSITIONS), with the rules that guard them: mandatory
 * steps of the stages passed must be done (a programme admin may override with a reason);
 * going live needs a usable route and every `depends_on` service live for the council.
 */
@Injectable()
export class AdoptionLifecycleService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly store: AdoptionStore,
    private readonly rules: AdoptionRules,
    private readonly adoptions: AdoptionsRepository,
  ) {}

  async transition(actor: Actor, id: string, dto: AdoptionTransitionDto): Promise<AdoptionView> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const a = await this.store.lockForChange(m, actor, id, dto.version);
      const from = a.stage;
      assertTransition(ADOPTION_TRANSITIONS, from, dto.to, 'an adoption');
      if (dto.overrideReason && actor.role !== 'programme_admin') {
        throw new ProblemException(
          403,
          'override_not_allowed',
          'Only a programme admin can override unfinished steps',
        );
      }
      const unfinished = await this.rules.unfinishedSteps(m, a, stagesPassed(from, dto.to));
      if (unfinished.length > 0 && !dto.overrideReason) {
        throw ProblemException.conflict(
          'steps_incomplete',
          `Cannot move to ${dto.to}: ${unfinished.length} mandatory step(s) not done: ${unfinished
            .map((s) => `${s.title} (${s.stage})`)
            .join('; ')}`,
          { steps: unfinished },
        );
      }
      if (dto.to === 'live') {
        await this.rules.assertRouteUsable(m, a);
        const blocking = await this.rules.blockingDependencies(m, a.councilId, a.serviceId);
        if (blocking.length > 0) {
          throw ProblemException.conflict(
            'dependency_not_live',
            `Cannot go live: it depends on ${blocking
              .map((b) => `${b.code} (${b.name})`)
              .join(', ')}, not live for this council`,
            { blockingServices: blocking },
          );
        }
      }
      const before = adoptionSnapshot(a);
      a.stage = dto.to;
      a.stageEnteredAt = new Date();
      if (dto.to === 'live' && !a.goLiveDate) a.goLiveDate = todayIso();
      await this.adoptions.update(m, a);
      const after = adoptionSnapshot(a);
      const override =
        unfinished.length > 0
          ? `Override of unfinished steps (${unfinished.map((s) => s.title).join('; ')}): ${dto.overrideReason}`
          : null;
      const note = [dto.note, override].filter(Boolean).join(' — ') || null;
      await this.store.addHistory(m, actor, id, {
        event: 'transitioned',
        fromStage: from,
        toStage: dto.to,
        note,
        before,
        after,
      });
      await this.audit.record(m, actor, {
        action: override ? 'adoption.transitioned_with_override' : 'adoption.transitioned',
        entityType: 'adoption',
        entityId: id,
        before,
        after: note ? { ...after, note } : after,
      });
      return toAdoptionView(await this.store.findVisibleRow(actor, id, m));
    });
  }
}
