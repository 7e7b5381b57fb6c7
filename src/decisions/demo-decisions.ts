import { DEMO_SUPPLIERS } from '../organisations/demo-suppliers.js';

const supplier = (prefix: string): string => {
  const s = DEMO_SUPPLIERS.find((d) => d.name.startsWith(prefix));
  if (!s) throw new Error(`no demo supplier ${prefix}`);
  return s.name;
};

/** A demo decision; organisations by supplier name or council GSS code (reference data only). */
export interface DemoDecision {
  key: string;
  title: string;
  context: string;
  options: { title: string; description: string; pros: string[]; cons: string[] }[];
  outcome: string;
  rationale: string;
  consequences: string;
  status: 'proposed' | 'accepted' | 'superseded' | 'revoked';
  supersedes?: string;
  decidedByPeople: string[];
  consulted: string[];
  informed: string[];
  publicToProgramme: boolean;
  /** Months before the seeding date it was decided (null while proposed). */
  decidedMonthsAgo: number | null;
  reviewInMonths: number | null;
  revocationReason?: string;
  services: string[];
  /** Requirement codes in the latest published set of their service. */
  requirements: string[];
  /** Demo risks by seed key. */
  risks: string[];
}

const ECS_OPTIONS = [
  {
    title: 'Each council buys checking from its FSM supplier',
    description: 'Every case-management supplier integrates with HMRC, DWP and the Home Office.',
    pros: ['No new national service to run', 'Councils keep their current contracts'],
    cons: ['Up to 40 integrations with each department', 'Uneven answers between councils'],
  },
  {
    title: 'One shared eligibility checker for all 174 councils',
    description: 'Hosted nationally; suppliers call it through the FSM-ECS request standard.',
    pros: ['One integration per department', 'The same answer in every council'],
    cons: ['A national single point of failure', 'Needs peak capacity agreed with HMRC'],
  },
];

/**
 * The Connect Digitally story in the decision log: the programme board replaces council by
 * council eligibility checking with one shared checker for all 174 councils; a Welsh-
 * language proposal under consultation; London's shared admissions service; a revoked one.
 */
export const DEMO_DECISIONS: DemoDecision[] = [
  {
    key: 'demo-dec-01',
    title: 'Councils check free school meals eligibility through their own suppliers',
    context:
      'Free school meals applications need real-time checks against HMRC, DWP and Home Office data. At the start of the programme each council checked eligibility through its own case-management supplier.',
    options: ECS_OPTIONS,
    outcome: 'Each council buys checking from its FSM supplier.',
    rationale:
      'Councils already held contracts for checking and the departments had not yet agreed a national interface.',
    consequences: 'Every supplier integrates with each department separately.',
    status: 'superseded',
    decidedByPeople: ['Senior responsible owner (DfE)', 'Programme director'],
    consulted: [supplier('Kestrel Digital Services'), supplier('Northwind Education Systems')],
    informed: [],
    publicToProgramme: true,
    decidedMonthsAgo: 9,
    reviewInMonths: null,
    services: ['FSM-ECS'],
    requirements: [],
    risks: [],
  },
  {
    key: 'demo-dec-02',
    title: 'Run one shared eligibility checker for all 174 councils',
    context:
      'Suppliers reported that integrating separately with HMRC, DWP and the Home Office was the largest cost in their FSM products, and councils in England and Wales received different answers for the same family.',
    options: ECS_OPTIONS,
    outcome:
      'One national eligibility checking service, used by every council in England and Wales through the FSM-ECS request and response standards.',
    rationale:
      'One integration per department instead of dozens; every council gets the same answer for the same family; peak capacity can be agreed once with HMRC.',
    consequences:
      'Suppliers move their products to the FSM-ECS standards within six months; the council-by-council decision is superseded.',
    status: 'accepted',
    supersedes: 'demo-dec-01',
    decidedByPeople: ['Programme board'],
    consulted: [
      supplier('Kestrel Digital Services'),
      supplier('Northwind Education Systems'),
      supplier('Pennine Digital Services'),
      'E09000001',
      'E06000001',
      'W06000015',
    ],
    informed: [supplier('Bluebell School Software')],
    publicToProgramme: true,
    decidedMonthsAgo: 6,
    reviewInMonths: 6,
    services: ['FSM-ECS', 'FSM-APPLY'],
    requirements: ['ECS-001', 'ECS-002'],
    risks: ['demo-01'],
  },
  {
    key: 'demo-dec-03',
    title: 'The eligibility checker answers in Welsh for Welsh councils',
    context:
      'The 22 Welsh councils are bound by the Welsh Language Standards, which reach services provided on their behalf.',
    options: [
      {
        title: 'Bilingual answers for every check from a Welsh council',
        description: 'The response carries English and Welsh reason texts.',
        pros: ['Meets the Welsh Language Standards'],
        cons: ['A change to the FSM-ECS response standard'],
      },
    ],
    outcome: 'Bilingual reason texts in every response to a Welsh council.',
    rationale: 'Welsh families must be able to read why an application was not eligible.',
    consequences: 'A new version of the FSM-ECS response standard.',
    status: 'proposed',
    decidedByPeople: [],
    consulted: ['W06000015', 'W06000011'],
    informed: [supplier('Kestrel Digital Services')],
    publicToProgramme: false,
    decidedMonthsAgo: null,
    reviewInMonths: null,
    services: ['FSM-ECS'],
    requirements: [],
    risks: [],
  },
  {
    key: 'demo-dec-04',
    title: 'The 33 London boroughs share one admissions service',
    context:
      'London families apply to schools across borough boundaries; pan-London coordination already existed.',
    options: [],
    outcome: 'One shared admissions service serves all 33 London boroughs.',
    rationale: 'Applications cross borough boundaries every day; one service avoids 33 exchanges.',
    consequences: 'London boroughs adopt the shared service instead of a certified product.',
    status: 'accepted',
    decidedByPeople: ['Programme board', 'London admissions coordinators'],
    consulted: ['E09000001', 'E09000033'],
    informed: [supplier('Northwind School Software')],
    publicToProgramme: true,
    decidedMonthsAgo: 5,
    reviewInMonths: 12,
    services: ['ADMISSIONS'],
    requirements: [],
    risks: [],
  },
  {
    key: 'demo-dec-05',
    title: 'Paper free school meals applications end in March',
    context: 'Councils asked when they could stop running paper and online processes side by side.',
    options: [],
    outcome: 'Paper applications end on 31 March.',
    rationale: 'Dual running costs councils two staff each during the January peak.',
    consequences: 'Councils publish the date to families.',
    status: 'revoked',
    decidedByPeople: ['Programme director'],
    consulted: ['E06000001'],
    informed: [],
    publicToProgramme: true,
    decidedMonthsAgo: 4,
    reviewInMonths: null,
    revocationReason:
      'Digital inclusion review: families without internet access must still be able to apply on paper.',
    services: ['FSM-APPLY'],
    requirements: [],
    risks: [],
  },
];
