/** Where a conformance submission is in its review (DESIGN.md, conformance). */
export const SUBMISSION_STATUSES = ['draft', 'submitted', 'in_review', 'decided'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** The outcome of a decision, kept apart from the progress status. */
export const SUBMISSION_RESULTS = ['approved', 'changes_requested', 'rejected'] as const;
export type SubmissionResult = (typeof SUBMISSION_RESULTS)[number];

/**
 * The supplier edits answers and samples only in a draft or after changes were requested.
 * Progress is draft → submitted → in_review → decided; `decided → submitted` is a
 * resubmission, allowed only after changes_requested (approved and rejected are final).
 */
export const isEditable = (s: { status: SubmissionStatus; result: SubmissionResult | null }) =>
  s.status === 'draft' || (s.status === 'decided' && s.result === 'changes_requested');

/** Still being worked on: a product has at most one open submission per service. */
export const isOpen = (s: { status: SubmissionStatus; result: SubmissionResult | null }) =>
  s.status !== 'decided' || s.result === 'changes_requested';

/** A supplier's self-assessment of one requirement; reviewers record a verdict on the same scale. */
export const ASSESSMENTS = ['meets', 'partial', 'does_not_meet', 'not_applicable'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

/** Outcome of the automatic check of one sample payload against its standard's schema. */
export const CHECK_STATUSES = ['pending', 'passed', 'failed', 'not_testable'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const SAMPLE_VERDICTS = ['accepted', 'not_accepted'] as const;
export type SampleVerdict = (typeof SAMPLE_VERDICTS)[number];

/** Standards in these statuses govern new submissions. */
export const GOVERNING_STANDARD_STATUSES = ['active', 'deprecated'];
