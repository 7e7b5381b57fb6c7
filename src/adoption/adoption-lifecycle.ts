import type { AdoptionStage } from './adoption-stage.js';

/** The forward path, in order: a stage's index is how far along the council is. */
export const FORWARD_STAGES: readonly AdoptionStage[] = [
  'not_started',
  'planning',
  'procurement',
  'implementation',
  'testing',
  'live',
];

/**
 * The only moves `POST /adoptions/{id}/transitions` allows. A council may step back one
 * stage (e.g. a failed test goes back to implementation), pause any work in progress,
 * resume a paused adoption at any stage after not_started, and withdraw; a withdrawn
 * adoption restarts from not_started.
 */
export const ADOPTION_TRANSITIONS: Record<AdoptionStage, AdoptionStage[]> = {
  not_started: ['planning', 'withdrawn'],
  planning: ['procurement', 'not_started', 'paused', 'withdrawn'],
  procurement: ['implementation', 'planning', 'paused', 'withdrawn'],
  implementation: ['testing', 'procurement', 'paused', 'withdrawn'],
  testing: ['live', 'implementation', 'paused', 'withdrawn'],
  live: ['paused', 'withdrawn'],
  paused: ['planning', 'procurement', 'implementation', 'testing', 'live', 'withdrawn'],
  withdrawn: ['not_started'],
};

/** Position on the forward path; -1 for paused and withdrawn. */
export const stageRank = (stage: AdoptionStage): number => FORWARD_STAGES.indexOf(stage);

/**
 * A move "passes" the stages before its target when it goes forward (or resumes from
 * paused): those stages' mandatory steps must be done.
 */
export function stagesPassed(from: AdoptionStage, to: AdoptionStage): AdoptionStage[] {
  const target = stageRank(to);
  if (target <= 0) return [];
  if (from !== 'paused' && stageRank(from) >= target) return [];
  return FORWARD_STAGES.slice(0, target);
}

/** SQL CASE giving the rank of `column` (for aggregates and the attention list). */
export const STAGE_RANK_SQL = (column: string) =>
  `CASE ${column} ${FORWARD_STAGES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} ELSE -1 END`;

export const VARIANCE_STATUSES = ['proposed', 'approved', 'rejected', 'withdrawn'] as const;
export type VarianceStatus = (typeof VARIANCE_STATUSES)[number];

/**
 * Local variances: the council proposes, the programme office approves or rejects; the
 * council may withdraw a proposed or approved one. Rejected and withdrawn are final.
 */
export const VARIANCE_TRANSITIONS: Record<VarianceStatus, VarianceStatus[]> = {
  proposed: ['approved', 'rejected', 'withdrawn'],
  approved: ['withdrawn'],
  rejected: [],
  withdrawn: [],
};

/** Moves only the programme office makes. */
export const OFFICE_DECISIONS: VarianceStatus[] = ['approved', 'rejected'];
