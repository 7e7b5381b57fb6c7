import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import type { RiskEventTarget } from '../queue/domain-event-registry.js';
import { HandlesJob, type JobHandler } from '../queue/job-handler.js';
import { JobName } from '../queue/job-registry.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { type OverdueTargetRow, RiskReportsRepository } from './risk-reports.repository.js';
import { RiskScoring } from './risk-scoring.service.js';

/**
 * The daily scan (worker): publishes `risk.review_overdue` for every open entry whose
 * next review date has passed and `risk.action_overdue` for every open or in-progress
 * action past its due date on an open entry. Each item is stamped with the UTC day in
 * the same statement that selects it, so a second run (or a concurrent one) on the same
 * day emits nothing more; the next day announces whatever is still overdue.
 */
@Injectable()
@HandlesJob(JobName.RiskOverdueScan)
export class RiskOverdueScanHandler implements JobHandler<JobName.RiskOverdueScan> {
  private readonly log = new Logger(RiskOverdueScanHandler.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly scoring: RiskScoring,
    private readonly reports: RiskReportsRepository,
  ) {}

  async handle(): Promise<{ reviews: number; actions: number }> {
    const counts = await this.uow.run(async (tx) => {
      const reviews = await this.reports.stampOverdueReviews(tx.manager);
      const actions = await this.reports.stampOverdueActions(tx.manager);
      for (const r of reviews) {
        tx.publish('risk.review_overdue', {
          ...this.target(r),
          nextReviewAt: r.next_review_at.toISOString(),
          daysOverdue: r.days_overdue,
        });
      }
      for (const a of actions) {
        tx.publish('risk.action_overdue', {
          ...this.target(a),
          actionId: a.action_id,
          actionTitle: a.action_title,
          actionOwnerUserId: a.action_owner_user_id,
          dueDate: a.due_date,
          daysOverdue: a.days_overdue,
        });
      }
      const result = { reviews: reviews.length, actions: actions.length };
      if (result.reviews + result.actions > 0) {
        await this.audit.record(tx.manager, SYSTEM_ACTOR, {
          action: 'risk.overdue_announced',
          entityType: 'risk_register',
          entityId: reviews[0]?.day ?? actions[0].day,
          after: result,
        });
      }
      return result;
    });
    if (counts.reviews + counts.actions > 0) {
      this.log.log(
        `announced ${counts.reviews} overdue review(s), ${counts.actions} overdue action(s)`,
      );
    }
    return counts;
  }

  private target(r: OverdueTargetRow): RiskEventTarget {
    return {
      riskId: r.risk_id,
      reference: r.reference,
      riskTitle: r.risk_title,
      kind: r.kind,
      rag: this.scoring.rag(r.residual_score),
      scope: r.scope,
      serviceId: r.service_id,
      supplierId: r.supplier_id,
      councilId: r.council_id,
      ownerUserId: r.owner_user_id,
      ownerOrganisationId: r.owner_organisation_id,
      day: r.day,
    };
  }
}
