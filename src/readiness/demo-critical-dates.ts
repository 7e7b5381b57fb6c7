import type { RuleStage } from './readiness-rule.js';

/** Demo programme: the national dates of the 2026/27 school year (England and Wales). */
export const DEMO_CRITICAL_DATES: {
  code: string;
  name: string;
  description: string;
  date: string;
  services: string[];
  nations: string[];
  minStage: RuleStage;
  daysBefore: number;
}[] = [
  {
    code: 'SEC-CLOSING-2026',
    name: 'Secondary national closing date',
    description:
      'Applications for secondary school places starting September 2027 close. Online applications open by 1 September, so the service must be live 60 days before.',
    date: '2026-10-31',
    services: ['ADMISSIONS'],
    nations: ['England'],
    minStage: 'live',
    daysBefore: 60,
  },
  {
    code: 'FSM-SPRING-2027',
    name: 'Free school meals term-time eligibility checks start (spring term)',
    description:
      'Eligibility is re-checked through the national checker at the start of the spring term; the online application must be at least in testing two weeks before.',
    date: '2027-01-04',
    services: ['FSM-APPLY'],
    nations: ['England', 'Wales'],
    minStage: 'testing',
    daysBefore: 14,
  },
  {
    code: 'PRI-CLOSING-2027',
    name: 'Primary national closing date',
    description: 'Applications for primary (reception) places starting September 2027 close.',
    date: '2027-01-15',
    services: ['ADMISSIONS'],
    nations: ['England'],
    minStage: 'live',
    daysBefore: 0,
  },
  {
    code: 'SEC-OFFER-2027',
    name: 'Secondary national offer day',
    description:
      'Parents are offered secondary places online; the service must be live, with its steps done, two weeks before.',
    date: '2027-03-01',
    services: ['ADMISSIONS'],
    nations: ['England'],
    minStage: 'live',
    daysBefore: 14,
  },
  {
    code: 'PRI-OFFER-2027',
    name: 'Primary national offer day',
    description: 'Parents are offered primary places online.',
    date: '2027-04-16',
    services: ['ADMISSIONS'],
    nations: ['England'],
    minStage: 'live',
    daysBefore: 14,
  },
];
