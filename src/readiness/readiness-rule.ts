import type { AdoptionStage } from '../adoption/adoption-stage.js';

/** The working stages in order: a readiness rule names the one a council must have reached. */
export const RULE_STAGES = [
  'planning',
  'procurement',
  'implementation',
  'testing',
  'live',
] as const satisfies readonly AdoptionStage[];
export type RuleStage = (typeof RULE_STAGES)[number];

/** How ready a council is for a critical date (the worst of its adoptions concerned). */
export const READINESS_STATUSES = ['ready', 'at_risk', 'not_ready'] as const;
export type ReadinessStatus = (typeof READINESS_STATUSES)[number];

/**
 * Why: `live`, `stage_reached` (ready); `steps_outstanding` (at the stage, mandatory steps
 * not done), `one_stage_short`, `planned_in_time` (its target date for the stage is on or
 * before the deadline) (at risk); `stage_too_early`, `paused`, `deadline_passed` (not ready).
 */
export const READINESS_REASONS = [
  'live',
  'stage_reached',
  'steps_outstanding',
  'one_stage_short',
  'planned_in_time',
  'stage_too_early',
  'paused',
  'deadline_passed',
] as const;
export type ReadinessReason = (typeof READINESS_REASONS)[number];

/** Lead times (days before a date) at which not-ready councils get a notice, by default. */
export const DEFAULT_LEAD_TIMES = [60, 30, 14];
