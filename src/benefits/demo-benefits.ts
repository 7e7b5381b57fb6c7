/** A demo benefit: 12 monthly readings, oldest first, optionally by nation. */
export interface DemoBenefit {
  key: string;
  title: string;
  description: string;
  type: 'benefit' | 'disbenefit';
  services: string[];
  measure: string;
  unit: string;
  direction: 'higher' | 'lower';
  baseline: number;
  source: string;
  target: number;
  tolerance: number;
  threshold: number | null;
  valuePerUnit: number | null;
  evidence: string;
  readings: number[];
  byNation?: Record<string, number[]>;
}

export const DEMO_BENEFITS: DemoBenefit[] = [
  {
    key: 'benefit:admissions-online',
    title: 'Share of admissions applications made online',
    description: 'Parents apply for school places online rather than on paper.',
    type: 'benefit',
    services: ['ADMISSIONS'],
    measure: 'Applications made online',
    unit: '%',
    direction: 'higher',
    baseline: 62,
    source: 'Council admissions returns',
    target: 90,
    tolerance: 10,
    threshold: null,
    valuePerUnit: null,
    evidence: 'Monthly count of online and paper applications from each council admissions team.',
    readings: [63, 64.5, 66, 67, 69, 70, 71.5, 72, 74, 75, 76.5, 77],
    byNation: {
      England: [64, 65.5, 67, 68, 70, 71, 72.5, 73, 75, 76, 77.5, 78],
      Wales: [55, 56, 57, 58.5, 60, 61, 62, 63, 64, 65, 66, 67],
    },
  },
  {
    key: 'benefit:fsm-real-time',
    title: 'FSM eligibility checks answered in real time',
    description: 'Free school meals eligibility checks answered while the parent waits.',
    type: 'benefit',
    services: ['FSM-ECS'],
    measure: 'Checks answered in under 10 seconds',
    unit: '%',
    direction: 'higher',
    baseline: 35,
    source: 'Eligibility checking service logs',
    target: 95,
    tolerance: 5,
    threshold: null,
    valuePerUnit: null,
    evidence: 'Response times recorded by the eligibility checking service.',
    // Falls behind the path over the winter.
    readings: [38, 41, 44, 46, 48, 49, 50, 51, 53, 55, 57, 58],
  },
  {
    key: 'benefit:cost-per-application',
    title: 'Processing cost per application',
    description: 'Staff time and postage per FSM application, falling as applications go online.',
    type: 'benefit',
    services: ['FSM-APPLY'],
    measure: 'Cost per application',
    unit: 'GBP',
    direction: 'lower',
    baseline: 14.2,
    source: 'Council finance returns',
    target: 6,
    tolerance: 10,
    threshold: null,
    valuePerUnit: 1,
    evidence: 'Quarterly activity costing by council finance teams, spread monthly.',
    readings: [13.9, 13.5, 13.2, 12.8, 12.5, 12.1, 11.8, 11.4, 11, 10.7, 10.3, 10],
  },
  {
    key: 'disbenefit:switchover-calls',
    title: 'Calls to council contact centres during switchover',
    description: 'Parents ringing councils about the new online services while they switch over.',
    type: 'disbenefit',
    services: ['ADMISSIONS', 'FSM-APPLY'],
    measure: 'Calls a month per 1,000 pupils',
    unit: 'calls',
    direction: 'lower',
    baseline: 12,
    source: 'Council contact centre telephony reports',
    target: 10,
    tolerance: 20,
    threshold: 18,
    valuePerUnit: null,
    evidence: 'Monthly call volumes tagged admissions or FSM by council contact centres.',
    // Crosses 18 once (month 5) during switchover, then falls back.
    readings: [12, 12.5, 13, 15, 19.5, 21, 17, 15, 13.5, 12.5, 11.5, 11],
  },
];
