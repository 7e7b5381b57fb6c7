import type { BenefitStatus } from './benefit-sql.js';

export interface BenefitView {
  id: string;
  title: string;
  description: string;
  type: string;
  serviceIds: string[];
  ownerOrganisationId: string;
  ownerUserId: string | null;
  measureName: string;
  unit: string;
  direction: string;
  baseline: { value: number; date: string; source: string };
  target: { value: number; date: string };
  tolerancePct: number;
  threshold: number | null;
  valuePerUnit: number | null;
  evidence: string;
  latest: { value: number; date: string } | null;
  expected: number | null;
  status: BenefitStatus;
  realisedValue: number | null;
  sparkline: { date: string; value: number }[];
  version: number;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Maps a row of BENEFIT_SELECT (snake_case columns) to the API view. */
export function toBenefitView(r: Record<string, unknown>): BenefitView {
  return {
    id: r.id as string,
    title: r.title as string,
    description: r.description as string,
    type: r.type as string,
    serviceIds: r.service_ids as string[],
    ownerOrganisationId: r.owner_organisation_id as string,
    ownerUserId: (r.owner_user_id as string | null) ?? null,
    measureName: r.measure_name as string,
    unit: r.unit as string,
    direction: r.direction as string,
    baseline: {
      value: Number(r.baseline_value),
      date: r.baseline_date as string,
      source: r.baseline_source as string,
    },
    target: { value: Number(r.target_value), date: r.target_date as string },
    tolerancePct: Number(r.tolerance_pct),
    threshold: num(r.threshold),
    valuePerUnit: num(r.value_per_unit),
    evidence: r.evidence as string,
    latest:
      r.latest_value === null || r.latest_value === undefined
        ? null
        : { value: Number(r.latest_value), date: r.latest_on as string },
    expected: num(r.expected),
    status: r.status as BenefitStatus,
    realisedValue: num(r.realised_value),
    sparkline: ((r.spark as { date: string; value: string }[] | null) ?? []).map((p) => ({
      date: p.date,
      value: Number(p.value),
    })),
    version: Number(r.version),
  };
}
