import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { RealiseRiskDto } from './dto/realise-risk.dto.js';
import type { RiskTransitionDto } from './dto/risk-transition.dto.js';
import { needsReason, REALISE_TRANSITIONS, RISK_TRANSITIONS } from './risk-lifecycle.js';
import { RiskScoring } from './risk-scoring.service.js';
import { RiskStore } from './risk-store.service.js';
import { type RiskView, toRiskView } from './risk-views.js';
import { RisksRepository } from './risks.repository.js';
import { assertTransition } from '../common/lifecycle/assert-transition.js';

/** Status moves of an entry (see RISK_TRANSITIONS) and realising a risk into an issue. */
@Injectable()
export class RiskLifecycleService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly store: RiskStore,
    private readonly risks: RisksRepository,
    private readonly scoring: RiskScoring,
  ) {}

  async transition(actor: Actor, id: string, dto: RiskTransitionDto): Promise<RiskView> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const risk = await this.store.lockForChange(m, actor, id, dto.version);
      const from = risk.status;
      assertTransition(RISK_TRANSITIONS, from, dto.to, risk.reference);
      if (needsReason(from, dto.to) && !dto.reason?.trim()) {
        throw ProblemException.badRequest('validation_failed', 'A reason is required', [
          {
            field: 'reason',
            message: `a reason is required to ${from === 'closed' ? 'reopen' : 'close'} an entry`,
          },
        ]);
      }
      const before = toRiskView(risk, this.scoring);
      risk.status = dto.to;
      if (dto.to === 'closed') {
        risk.closureReason = dto.reason!.trim();
        risk.closedAt = new Date();
      } else if (from === 'closed') {
        risk.closureReason = null;
        risk.closedAt = null;
        risk.nextReviewAt = this.scoring.nextReviewAt(risk.residualScore, new Date());
      }
      const after = toRiskView(await this.risks.persist(m, risk), this.scoring);
      const event = from === 'closed' ? 'reopened' : 'transitioned';
      await this.risks.addHistory(m, actor, id, {
        event,
        fromStatus: from,
        toStatus: dto.to,
        note: dto.reason ?? null,
      });
      await this.audit.record(m, actor, {
        action: from === 'closed' ? 'risk.reopened' : `risk.${dto.to}`,
        entityType: 'risk',
        entityId: id,
        before,
        after: dto.reason ? { ...after, note: dto.reason } : after,
      });
      return after;
    });
  }

  /**
   * A risk that has happened: it becomes `realised` (final) and a new `issue` entry is
   * raised with the same scope, owner and category, likelihood 5 (it happened) and the
   * risk's residual impact, linked both ways. One audit event covers both.
   */
  async realise(
    actor: Actor,
    id: string,
    dto: RealiseRiskDto,
  ): Promise<{ risk: RiskView; issue: RiskView }> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const risk = await this.store.lockForChange(m, actor, id, dto.version);
      if (risk.kind !== 'risk') {
        throw ProblemException.conflict(
          'not_a_risk',
          `${risk.reference} is an ${risk.kind}; only risks are realised`,
          {
            kind: risk.kind,
          },
        );
      }
      assertTransition(REALISE_TRANSITIONS, risk.status, 'realised', risk.reference);
      const before = toRiskView(risk, this.scoring);
      const now = new Date();
      const impact = risk.residualImpact;
      const issue = await this.risks.create(m, {
        kind: 'issue',
        title: dto.title ?? `Realised: ${risk.title}`.slice(0, 200),
        description: dto.description ?? risk.description,
        category: risk.category,
        scope: risk.scope,
        serviceId: risk.serviceId,
        supplierId: risk.supplierId,
        councilId: risk.councilId,
        ownerUserId: risk.ownerUserId,
        ownerOrganisationId: risk.ownerOrganisationId,
        raisedByUserId: actor.userId,
        raisedByOrganisationId: actor.organisationId,
        treatment: 'reduce',
        status: 'assessed',
        escalationLevel: dto.escalationLevel ?? risk.escalationLevel,
        inherentLikelihood: 5,
        inherentImpact: impact,
        inherentScore: 5 * impact,
        residualLikelihood: 5,
        residualImpact: impact,
        residualScore: 5 * impact,
        nextReviewAt: this.scoring.nextReviewAt(5 * impact, now),
        realisedFromId: risk.id,
      });
      Object.assign(risk, { status: 'realised', realisedIssueId: issue.id, realisedAt: now });
      const after = toRiskView(await this.risks.persist(m, risk), this.scoring);
      const issueView = toRiskView(issue, this.scoring);
      await this.risks.addHistory(m, actor, risk.id, {
        event: 'realised',
        fromStatus: before.status,
        toStatus: 'realised',
        note: `Became issue ${issue.reference}`,
      });
      await this.risks.addHistory(m, actor, issue.id, {
        event: 'created',
        toStatus: issue.status,
        note: `Realised from risk ${risk.reference}`,
      });
      await this.risks.addScore(m, actor, issue, 'created');
      await this.audit.record(m, actor, {
        action: 'risk.realised',
        entityType: 'risk',
        entityId: risk.id,
        before,
        after: { ...after, issue: issueView },
      });
      return { risk: after, issue: issueView };
    });
  }
}
