import type { AdoptionStage } from '../adoption/adoption-stage.js';
import type { CriticalDate } from './critical-date.entity.js';
import type { CouncilReadinessViewDto } from './dto/council-readiness-view.dto.js';
import type { CriticalDateViewDto } from './dto/critical-date-view.dto.js';
import type { ReadinessReason, ReadinessStatus } from './readiness-rule.js';

const minusDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};

/** Whole days from today (UTC) to `date`. */
export const daysUntil = (date: string, now = new Date()): number =>
  Math.round(
    (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`)) /
      86_400_000,
  );

export const toCriticalDateView = (c: CriticalDate): CriticalDateViewDto => ({
  id: c.id,
  code: c.code,
  name: c.name,
  description: c.description,
  date: c.date,
  deadline: minusDays(c.date, c.daysBefore),
  serviceIds: c.serviceIds,
  nations: c.nations,
  minStage: c.minStage,
  daysBefore: c.daysBefore,
  mandatorySteps: c.mandatorySteps,
  leadTimes: c.leadTimes,
  version: c.version,
});

/** A `readiness` row as the SQL returns it. */
export interface ReadinessRow {
  date_id: string;
  council_id: string;
  gss_code: string;
  name: string;
  region: string;
  nation: string;
  status: ReadinessStatus;
  reason: ReadinessReason;
  service_code: string;
  stage: AdoptionStage;
  min_stage: string;
  steps_outstanding: number;
  deadline: string;
}

const DETAIL: Record<ReadinessReason, (r: ReadinessRow) => string> = {
  live: (r) => `${r.service_code} is live`,
  stage_reached: (r) => `${r.service_code} is at ${r.stage}`,
  steps_outstanding: (r) =>
    `${r.service_code} is at ${r.stage} with ${r.steps_outstanding} mandatory step(s) to do by ${r.deadline}`,
  one_stage_short: (r) =>
    `${r.service_code} is at ${r.stage}; ${r.min_stage} is needed by ${r.deadline}`,
  planned_in_time: (r) =>
    `${r.service_code} is at ${r.stage}; its target date for ${r.min_stage} is before ${r.deadline}`,
  stage_too_early: (r) =>
    `${r.service_code} is at ${r.stage}; ${r.min_stage} is needed by ${r.deadline}`,
  paused: (r) => `${r.service_code} is paused`,
  deadline_passed: (r) =>
    `${r.service_code} is at ${r.stage}; ${r.min_stage} was needed by ${r.deadline}`,
};

export const toCouncilReadinessView = (r: ReadinessRow): CouncilReadinessViewDto => ({
  councilId: r.council_id,
  gssCode: r.gss_code,
  name: r.name,
  region: r.region,
  nation: r.nation,
  status: r.status,
  reason: r.reason,
  detail: DETAIL[r.reason](r),
  serviceCode: r.service_code,
  stage: r.stage,
  stepsOutstanding: r.steps_outstanding,
});
