import type { Certificate } from './certificate.entity.js';
import type { ConformanceSubmission } from './conformance-submission.entity.js';
import type { SubmissionHistory } from './submission-history.entity.js';
import type { SubmissionSample } from './submission-sample.entity.js';
import type { UsabilityEvaluation } from './usability-evaluation.entity.js';
import type { EvaluationViewDto } from './dto/evaluation-view.dto.js';
import type { CertificateViewDto } from './dto/certificate-view.dto.js';
import type { SubmissionHistoryViewDto } from './dto/submission-history-view.dto.js';
import type { SampleViewDto } from './dto/sample-view.dto.js';
import type { SubmissionViewDto } from './dto/submission-view.dto.js';

export const toSubmissionView = (s: ConformanceSubmission): SubmissionViewDto => ({
  id: s.id,
  productId: s.productId,
  supplierId: s.supplierId,
  serviceId: s.serviceId,
  requirementSetId: s.requirementSetId,
  status: s.status,
  result: s.result,
  round: s.round,
  copiedFromId: s.copiedFromId,
  copiedItems: s.copiedItems,
  reviewerUserId: s.reviewerUserId,
  decisionReason: s.decisionReason,
  overrideReason: s.overrideReason,
  submittedAt: s.submittedAt,
  decidedAt: s.decidedAt,
  version: s.version,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});
export type SubmissionView = ReturnType<typeof toSubmissionView>;

export const toSampleView = (s: SubmissionSample): SampleViewDto => ({
  id: s.id,
  standardId: s.standardId,
  label: s.label,
  payload: s.payload,
  checkStatus: s.checkStatus,
  checkErrors: s.checkErrors,
  checkedAt: s.checkedAt,
  verdict: s.verdict,
  reviewerComment: s.reviewerComment,
  createdAt: s.createdAt,
});

export const toSubmissionHistoryView = (h: SubmissionHistory): SubmissionHistoryViewDto => ({
  id: h.id,
  event: h.event,
  fromStatus: h.fromStatus,
  toStatus: h.toStatus,
  result: h.result,
  note: h.note,
  details: h.details,
  actorUserId: h.actorUserId,
  actorLabel: h.actorLabel,
  occurredAt: h.occurredAt,
});

export const toCertificateView = (c: Certificate): CertificateViewDto => ({
  id: c.id,
  certificateNumber: c.certificateNumber,
  productId: c.productId,
  supplierId: c.supplierId,
  serviceId: c.serviceId,
  requirementSetId: c.requirementSetId,
  submissionId: c.submissionId,
  status: c.status,
  validFrom: c.validFrom,
  expiresAt: c.expiresAt,
  reassessmentDeadline: c.reassessmentDeadline,
  revokedReason: c.revokedReason,
  revokedAt: c.revokedAt,
  version: c.version,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});
export type CertificateView = ReturnType<typeof toCertificateView>;

export const toEvaluationView = (e: UsabilityEvaluation): EvaluationViewDto => ({
  id: e.id,
  productId: e.productId,
  supplierId: e.supplierId,
  susScore: e.susScore,
  taskCompletionPercent: e.taskCompletionPercent,
  wcagLevel: e.wcagLevel,
  evaluatedOn: e.evaluatedOn,
  reportUrl: e.reportUrl,
  evaluator: e.evaluator,
  summary: e.summary,
  status: e.status,
  publishedAt: e.publishedAt,
  supplierReply: e.supplierReply,
  supplierRepliedAt: e.supplierRepliedAt,
  version: e.version,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});
export type EvaluationView = ReturnType<typeof toEvaluationView>;
