import type { DeliveryModel, RelationshipType, ServiceStatus } from '../service-lifecycle.js';

/** Demo programme only: the Connect Digitally services and the systems they talk to. */
export interface DemoService {
  code: string;
  name: string;
  description: string;
  /** Agency code (organisations.code). */
  lead: string;
  deliveryModel: DeliveryModel;
  status: ServiceStatus;
  /**
   * Nations whose councils must adopt it. Shared back-end services (the eligibility
   * checker and the departments' records) have none: councils reach them through
   * FSM-APPLY and the shared service's membership, not through an adoption of their own.
   */
  scopeNations: string[];
}

export const DEMO_SERVICES: DemoService[] = [
  {
    code: 'ADMISSIONS',
    name: 'Online School Admissions',
    description:
      'Parents apply online for reception, junior and secondary school places, rank their ' +
      'preferences and receive offers on national offer day. Each council runs coordinated ' +
      'admissions for its area; the 33 London councils share one pan-London service.',
    lead: 'DFE',
    deliveryModel: 'council_delivered',
    status: 'live',
    scopeNations: ['England'],
  },
  {
    code: 'FSM-APPLY',
    name: 'Free School Meals online application',
    description:
      'Parents and carers apply online for free school meals. Eligibility is confirmed in ' +
      'real time through the FSM Eligibility Checking Service instead of paper evidence, and ' +
      'the school is told the same day.',
    lead: 'DFE',
    deliveryModel: 'council_delivered',
    status: 'live',
    scopeNations: ['England', 'Wales'],
  },
  {
    code: 'FSM-ECS',
    name: 'FSM Eligibility Checking Service',
    description:
      'One national service that checks a parent against HMRC, DWP and Home Office records ' +
      'and answers eligible / not eligible for free school meals, used by every council.',
    lead: 'DFE',
    deliveryModel: 'shared',
    status: 'live',
    scopeNations: [],
  },
  {
    code: 'PAYMENTS',
    name: 'Online Payments toolkit',
    description:
      'A toolkit for councils and schools to take card payments online for school meals, ' +
      'trips and clubs, with reconciliation into the council finance system.',
    lead: 'MHCLG',
    deliveryModel: 'council_delivered',
    status: 'piloting',
    scopeNations: ['England', 'Wales'],
  },
  {
    code: 'CASHLESS',
    name: 'Cashless Catering toolkit',
    description:
      'A toolkit for cashless school catering: pupil accounts topped up online, biometric or ' +
      'card identification at the till, and free school meal entitlement applied automatically.',
    lead: 'DFE',
    deliveryModel: 'council_delivered',
    status: 'planned',
    scopeNations: ['England', 'Wales'],
  },
  {
    code: 'HMRC-RTI',
    name: 'HMRC Real Time Information and tax credits',
    description:
      'HMRC records of Child Tax Credit, Working Tax Credit run-on and earnings, queried by ' +
      'the eligibility checker.',
    lead: 'HMRC',
    deliveryModel: 'shared',
    status: 'live',
    scopeNations: [],
  },
  {
    code: 'DWP-BENEFITS',
    name: 'DWP benefit entitlement',
    description:
      'DWP records of Universal Credit, Income Support, income-based Jobseekers Allowance, ' +
      'income-related Employment and Support Allowance and the guarantee element of Pension ' +
      'Credit, queried by the eligibility checker.',
    lead: 'DWP',
    deliveryModel: 'shared',
    status: 'live',
    scopeNations: [],
  },
  {
    code: 'HO-NRPF',
    name: 'Home Office asylum support records',
    description:
      'Home Office records of support under Part VI of the Immigration and Asylum Act 1999, ' +
      'queried by the eligibility checker.',
    lead: 'HO',
    deliveryModel: 'shared',
    status: 'live',
    scopeNations: [],
  },
];

export interface DemoRelationship {
  from: string;
  to: string;
  type: RelationshipType;
  /** `code@version` of the governing standard, if any. */
  standard?: string;
  description: string;
}

export const DEMO_RELATIONSHIPS: DemoRelationship[] = [
  {
    from: 'FSM-APPLY',
    to: 'FSM-ECS',
    type: 'depends_on',
    standard: 'FSM-ECS-REQUEST@1.0.0',
    description: 'Every online FSM application is checked in real time by the eligibility service',
  },
  {
    from: 'FSM-ECS',
    to: 'HMRC-RTI',
    type: 'exchanges_data_with',
    description: 'Tax credit and earnings checks',
  },
  {
    from: 'FSM-ECS',
    to: 'DWP-BENEFITS',
    type: 'exchanges_data_with',
    description: 'Qualifying benefit checks',
  },
  {
    from: 'FSM-ECS',
    to: 'HO-NRPF',
    type: 'exchanges_data_with',
    description: 'Asylum support checks',
  },
  {
    from: 'CASHLESS',
    to: 'PAYMENTS',
    type: 'depends_on',
    standard: 'PAY-NOTIFICATION@1.0.0',
    description: 'Pupil accounts are topped up through the online payments toolkit',
  },
  {
    from: 'CASHLESS',
    to: 'FSM-APPLY',
    type: 'exchanges_data_with',
    description: 'Confirmed free school meal entitlement is applied at the till',
  },
  {
    from: 'ADMISSIONS',
    to: 'FSM-APPLY',
    type: 'exchanges_data_with',
    description: 'Admissions applications invite parents to apply for free school meals',
  },
];

export interface DemoSharedService {
  name: string;
  description: string;
  service: string;
  /** Demo supplier name (organisations.name). */
  operator: string;
  /** Council group name, or null for every council. */
  group: string | null;
}

export const DEMO_SHARED_SERVICES: DemoSharedService[] = [
  {
    name: 'London shared admissions service',
    description:
      'One pan-London online admissions service for the 32 London boroughs and the City of ' +
      'London, with coordinated offers across borough boundaries.',
    service: 'ADMISSIONS',
    operator: 'Harbourside School Software Ltd (demo)',
    group: 'London boroughs',
  },
  {
    name: 'FSM Eligibility Checking Service (national)',
    description:
      'The national eligibility checker hosted once for all 174 councils in England and Wales.',
    service: 'FSM-ECS',
    operator: 'Kestrel Digital Services Ltd (demo)',
    group: null,
  },
];
