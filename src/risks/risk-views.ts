import type { MitigationAction } from './mitigation-action.entity.js';
import { OPEN_STATUSES } from './risk-lifecycle.js';
import type { RiskHistory } from './risk-history.entity.js';
import type { RiskReview } from './risk-review.entity.js';
import type { RiskScore } from './risk-score.entity.js';
import type { RiskScoring } from './risk-scoring.service.js';
import type { Risk } from './risk.entity.js';
import type { ScoreViewDto } from './dto/score-view.dto.js';
import type { HistoryViewDto } from './dto/history-view.dto.js';
import type { ReviewViewDto } from './dto/review-view.dto.js';
import type { ActionViewDto } from './dto/action-view.dto.js';
import type { RiskViewDto } from './dto/risk-view.dto.js';

export const isReviewOverdue = (
  r: Pick<Risk, 'status' | 'nextReviewAt'>,
  now = new Date(),
): boolean => OPEN_STATUSES.includes(r.status) && r.nextReviewAt.getTime() < now.getTime();

/** What the view reads of an entry: an entity, or a row of `RISK_VIEW_COLUMNS`. */
export type RiskViewSource = Omit<
  Risk,
  | 'service'
  | 'supplier'
  | 'council'
  | 'ownerUser'
  | 'ownerOrganisation'
  | 'realisedFrom'
  | 'realisedIssue'
  | 'reviewOverdueNotifiedOn'
  | 'seedKey'
>;

export const toRiskView = (r: RiskViewSource, scoring: RiskScoring): RiskViewDto => ({
  id: r.id,
  reference: r.reference,
  kind: r.kind,
  title: r.title,
  description: r.description,
  category: r.category,
  scope: r.scope,
  serviceId: r.serviceId,
  supplierId: r.supplierId,
  councilId: r.councilId,
  ownerUserId: r.ownerUserId,
  ownerOrganisationId: r.ownerOrganisationId,
  treatment: r.treatment,
  status: r.status,
  escalationLevel: r.escalationLevel,
  inherent: {
    likelihood: r.inherentLikelihood,
    impact: r.inherentImpact,
    score: r.inherentScore,
    rag: scoring.rag(r.inherentScore),
  },
  residual: {
    likelihood: r.residualLikelihood,
    impact: r.residualImpact,
    score: r.residualScore,
    rag: scoring.rag(r.residualScore),
  },
  rag: scoring.rag(r.residualScore),
  lastReviewedAt: r.lastReviewedAt,
  nextReviewAt: r.nextReviewAt,
  reviewOverdue: isReviewOverdue(r),
  closureReason: r.closureReason,
  closedAt: r.closedAt,
  realisedFromId: r.realisedFromId,
  realisedIssueId: r.realisedIssueId,
  realisedAt: r.realisedAt,
  raisedByUserId: r.raisedByUserId,
  raisedByOrganisationId: r.raisedByOrganisationId,
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});
export type RiskView = ReturnType<typeof toRiskView>;

export const toActionView = (a: MitigationAction, today: string): ActionViewDto => ({
  id: a.id,
  riskId: a.riskId,
  title: a.title,
  ownerUserId: a.ownerUserId,
  dueDate: a.dueDate,
  status: a.status,
  overdue: (a.status === 'open' || a.status === 'in_progress') && a.dueDate < today,
  completedAt: a.completedAt,
  version: a.version,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});
export type ActionView = ReturnType<typeof toActionView>;

export const toReviewView = (v: RiskReview): ReviewViewDto => ({
  id: v.id,
  riskId: v.riskId,
  note: v.note,
  likelihood: v.likelihood,
  impact: v.impact,
  residualScore: v.residualScore,
  rag: v.rag,
  reviewerUserId: v.reviewerUserId,
  reviewerLabel: v.reviewerLabel,
  reviewedAt: v.reviewedAt,
  nextReviewAt: v.nextReviewAt,
});

export const toHistoryView = (h: RiskHistory): HistoryViewDto => ({
  id: h.id,
  event: h.event,
  fromStatus: h.fromStatus,
  toStatus: h.toStatus,
  note: h.note,
  changes: h.changes,
  actorUserId: h.actorUserId,
  actorLabel: h.actorLabel,
  occurredAt: h.occurredAt,
});

export const toScoreView = (s: RiskScore): ScoreViewDto => ({
  source: s.source,
  inherent: { likelihood: s.inherentLikelihood, impact: s.inherentImpact, score: s.inherentScore },
  residual: { likelihood: s.residualLikelihood, impact: s.residualImpact, score: s.residualScore },
  actorLabel: s.actorLabel,
  recordedAt: s.recordedAt,
});

/** Today's date (UTC) as YYYY-MM-DD, the calendar the due dates use. */
export const utcToday = (now = new Date()): string => now.toISOString().slice(0, 10);
