import type { AdoptionStage } from './adoption-stage.js';

/** Demo programme only: the steps-to-success checklist every council-delivered service gets. */
export const DEMO_STEPS: { stage: AdoptionStage; title: string; mandatory: boolean }[] = [
  { stage: 'planning', title: 'Project sponsor and board appointed', mandatory: true },
  { stage: 'planning', title: 'Business case approved', mandatory: true },
  {
    stage: 'procurement',
    title: 'Delivery route chosen (certified product or shared service)',
    mandatory: true,
  },
  { stage: 'procurement', title: 'Contract or membership agreement signed', mandatory: true },
  { stage: 'procurement', title: 'Data protection impact assessment completed', mandatory: true },
  {
    stage: 'implementation',
    title: 'Integration with the national services configured',
    mandatory: true,
  },
  { stage: 'implementation', title: 'Front-line staff trained', mandatory: false },
  { stage: 'testing', title: 'User acceptance testing signed off', mandatory: true },
  { stage: 'testing', title: 'Go-live readiness review passed', mandatory: true },
  { stage: 'testing', title: 'Accessibility check completed', mandatory: false },
];

/**
 * How far councils have got with each demo service, as cumulative percentages: a
 * council falls in the first band whose bound exceeds its (stable) bucket 0–99.
 * Live services are well along; the planned cashless toolkit has barely started.
 */
export const DEMO_SPREAD: Record<string, [AdoptionStage, number][]> = {
  ADMISSIONS: [
    ['live', 55],
    ['testing', 65],
    ['implementation', 75],
    ['procurement', 83],
    ['planning', 90],
    ['paused', 93],
    ['withdrawn', 95],
    ['not_started', 100],
  ],
  'FSM-APPLY': [
    ['live', 35],
    ['testing', 47],
    ['implementation', 62],
    ['procurement', 72],
    ['planning', 82],
    ['paused', 85],
    ['not_started', 100],
  ],
  PAYMENTS: [
    ['live', 8],
    ['testing', 15],
    ['implementation', 30],
    ['procurement', 45],
    ['planning', 65],
    ['paused', 67],
    ['not_started', 100],
  ],
  CASHLESS: [
    ['testing', 3],
    ['implementation', 10],
    ['procurement', 20],
    ['planning', 45],
    ['not_started', 100],
  ],
};
/** Any other council-delivered service: an even spread. */
export const DEFAULT_SPREAD: [AdoptionStage, number][] = [
  ['live', 10],
  ['testing', 20],
  ['implementation', 35],
  ['procurement', 50],
  ['planning', 70],
  ['not_started', 100],
];
