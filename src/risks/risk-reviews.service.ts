import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { CreateRiskReviewDto } from './dto/create-risk-review.dto.js';
import { RiskReviewsRepository } from './risk-reviews.repository.js';
import { RiskScoring } from './risk-scoring.service.js';
import { RiskStore } from './risk-store.service.js';
import { type RiskView, toReviewView, toRiskView } from './risk-views.js';
import { RisksRepository } from './risks.repository.js';

type ReviewView = ReturnType<typeof toReviewView>;

/**
 * Reviews of an entry: each records a note and optionally new residual scores, and sets
 * the next review date to the review time plus the cadence of the entry's RAG after it.
 */
@Injectable()
export class RiskReviewsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly store: RiskStore,
    private readonly risks: RisksRepository,
    private readonly reviews: RiskReviewsRepository,
    private readonly scoring: RiskScoring,
  ) {}

  async list(actor: Actor, riskId: string): Promise<{ data: ReviewView[] }> {
    await this.store.findVisible(actor, riskId);
    const rows = await this.reviews.listOfRisk(riskId);
    return { data: rows.map(toReviewView) };
  }

  async record(
    actor: Actor,
    riskId: string,
    dto: CreateRiskReviewDto,
  ): Promise<{ review: ReviewView; risk: RiskView }> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const risk = await this.store.lockForChange(m, actor, riskId, dto.version);
      this.store.assertOpen(risk);
      const before = toRiskView(risk, this.scoring);
      const reviewedAt = new Date();
      risk.residualLikelihood = dto.likelihood ?? risk.residualLikelihood;
      risk.residualImpact = dto.impact ?? risk.residualImpact;
      risk.residualScore = RiskScoring.score(risk.residualLikelihood, risk.residualImpact);
      risk.lastReviewedAt = reviewedAt;
      risk.nextReviewAt = this.scoring.nextReviewAt(risk.residualScore, reviewedAt);
      risk.reviewOverdueNotifiedOn = null;
      const saved = await this.risks.persist(m, risk);
      const review = await this.reviews.create(m, {
        riskId,
        note: dto.note,
        likelihood: dto.likelihood ?? null,
        impact: dto.impact ?? null,
        residualScore: saved.residualScore,
        rag: this.scoring.rag(saved.residualScore),
        reviewerUserId: actor.userId,
        reviewerLabel: actor.label,
        reviewedAt,
        nextReviewAt: saved.nextReviewAt,
      });
      const after = toRiskView(saved, this.scoring);
      const { likelihood, impact } = before.residual;
      if (likelihood !== after.residual.likelihood || impact !== after.residual.impact) {
        await this.risks.addScore(m, actor, saved, 'reviewed');
      }
      await this.risks.addHistory(m, actor, riskId, {
        event: 'reviewed',
        note: dto.note,
        before,
        after,
      });
      await this.audit.record(m, actor, {
        action: 'risk.reviewed',
        entityType: 'risk',
        entityId: riskId,
        before,
        after: { ...after, reviewId: review.id, note: dto.note },
      });
      return { review: toReviewView(review), risk: after };
    });
  }
}
