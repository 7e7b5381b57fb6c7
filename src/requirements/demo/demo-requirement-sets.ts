import { ADMISSIONS_REQUIREMENTS } from './admissions-requirements.js';
import { CASHLESS_REQUIREMENTS } from './cashless-requirements.js';
import type { DemoRequirement } from './demo-requirement.js';
import { ELIGIBILITY_CHECKER_REQUIREMENTS } from './eligibility-checker-requirements.js';
import { FSM_APPLICATION_REQUIREMENTS } from './fsm-application-requirements.js';
import { PAYMENTS_REQUIREMENTS } from './payments-requirements.js';

/** Demo programme only: version 1 of each service's requirements, published. */
export interface DemoRequirementSet {
  /** Service code. */
  service: string;
  title: string;
  summary: string;
  effectiveDate: string;
  requirements: DemoRequirement[];
}

export const DEMO_REQUIREMENT_SETS: DemoRequirementSet[] = [
  {
    service: 'ADMISSIONS',
    title: 'Online School Admissions: minimum functional requirements',
    summary:
      'What every online admissions product must do for parents and councils in the normal ' +
      'admissions round and in-year.',
    effectiveDate: '2026-04-01',
    requirements: ADMISSIONS_REQUIREMENTS,
  },
  {
    service: 'FSM-APPLY',
    title: 'Free School Meals online application: minimum functional requirements',
    summary:
      'What every online free school meals application must do, including the real-time check.',
    effectiveDate: '2026-04-01',
    requirements: FSM_APPLICATION_REQUIREMENTS,
  },
  {
    service: 'FSM-ECS',
    title: 'FSM Eligibility Checking Service: service requirements',
    summary: 'What the national eligibility checker must provide to councils and their suppliers.',
    effectiveDate: '2026-04-01',
    requirements: ELIGIBILITY_CHECKER_REQUIREMENTS,
  },
  {
    service: 'PAYMENTS',
    title: 'Online Payments toolkit: minimum functional requirements',
    summary: 'What every online payments product must do for parents, schools and council finance.',
    effectiveDate: '2026-09-01',
    requirements: PAYMENTS_REQUIREMENTS,
  },
  {
    service: 'CASHLESS',
    title: 'Cashless Catering toolkit: minimum functional requirements',
    summary:
      'What every cashless catering product must do at the till, for parents and for funding.',
    effectiveDate: '2027-01-04',
    requirements: CASHLESS_REQUIREMENTS,
  },
];
