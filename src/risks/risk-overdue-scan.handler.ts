import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import type { RiskEventTarget } from '../queue/domain-event-registry.js';
import { HandlesJob, type JobHandler } from '../queue/job-handler.js';
import { JobName } from '../queue/job-registry.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { OPEN_STATUSES, PENDING_ACTION_STATUSES } from './risk-lifecycle.js';
import { RiskScoring } from './risk-scoring.service.js';

const TODAY = `(now() AT TIME ZONE 'UTC')::date`;

/** Columns of `risks r` every overdue event carries. */
const TARGET_COLUMNS = `r.id AS risk_id, r.reference, r.title AS risk_title, r.kind, r.residual_score,
  r.scope, r.service_id, r.supplier_id, r.council_id, r.owner_user_id, r.owner_organisation_id,
  ${TODAY}::text AS day`;

interface TargetRow {
  risk_id: string;
  reference: string;
  risk_title: string;
  kind: string;
  residual_score: number;
  scope: string;
  service_id: string | null;
  supplier_id: string | null;
  council_id: string | null;
  owner_user_id: string | null;
  owner_organisation_id: string;
  day: string;
}

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
  ) {}

  async handle(): Promise<{ reviews: number; actions: number }> {
    const counts = await this.uow.run(async (tx) => {
      const [reviews]: [(TargetRow & { next_review_at: Date; days_overdue: number })[]] =
        await tx.manager.query(
          `UPDATE risks r SET review_overdue_notified_on = ${TODAY}
            WHERE r.status = ANY($1) AND r.next_review_at < now()
              AND r.review_overdue_notified_on IS DISTINCT FROM ${TODAY}
          RETURNING ${TARGET_COLUMNS}, r.next_review_at,
                    (${TODAY} - (r.next_review_at AT TIME ZONE 'UTC')::date) AS days_overdue`,
          [OPEN_STATUSES],
        );
      const [actions]: [
        (TargetRow & {
          action_id: string;
          action_title: string;
          action_owner_user_id: string | null;
          due_date: string;
          days_overdue: number;
        })[],
      ] = await tx.manager.query(
        `UPDATE mitigation_actions a SET overdue_notified_on = ${TODAY}
           FROM risks r
          WHERE r.id = a.risk_id AND r.status = ANY($1) AND a.status = ANY($2)
            AND a.due_date < ${TODAY} AND a.overdue_notified_on IS DISTINCT FROM ${TODAY}
        RETURNING ${TARGET_COLUMNS}, a.id AS action_id, a.title AS action_title,
                  a.owner_user_id AS action_owner_user_id, a.due_date::text AS due_date,
                  (${TODAY} - a.due_date) AS days_overdue`,
        [OPEN_STATUSES, PENDING_ACTION_STATUSES],
      );
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

  private target(r: TargetRow): RiskEventTarget {
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
