import { DEMO_SUPPLIERS } from '../organisations/demo-suppliers.js';
import type {
  ActionStatus,
  EscalationLevel,
  RiskCategory,
  RiskKind,
  RiskStatus,
  RiskTreatment,
} from './risk-lifecycle.js';

export interface DemoRisk {
  key: string;
  kind: RiskKind;
  title: string;
  description: string;
  category: RiskCategory;
  /** Supplier name or council GSS code for scoped entries; national otherwise. */
  supplier?: string;
  council?: string;
  /** Demo account that owns it (its organisation owns it too). */
  owner: string;
  treatment: RiskTreatment;
  status: RiskStatus;
  escalation?: EscalationLevel;
  inherent: [number, number];
  residual: [number, number];
  createdDaysAgo: number;
  /** Days ago of each review, oldest first; the first one set the residual scores. */
  reviews: { daysAgo: number; note: string }[];
  actions: { title: string; owner: string; dueInDays: number; status: ActionStatus }[];
  closureReason?: string;
  /** Key of the issue this risk was realised into. */
  realisedInto?: string;
}

const ADMIN = 'admin@programme.example';
const agency = (code: string) => `${code}@agency.example`;
const council = (gss: string) => `council.${gss.toLowerCase()}@councils.example`;
const supplier = (prefix: string) => {
  const s = DEMO_SUPPLIERS.find((d) => d.name.startsWith(prefix));
  if (!s) throw new Error(`no demo supplier ${prefix}`);
  return { name: s.name, account: `supplier@${s.slug}.example` };
};
const KESTREL = supplier('Kestrel Digital Services');
const NORTHWIND_ED = supplier('Northwind Education Systems');
const NORTHWIND_SCHOOL = supplier('Northwind School Software');
const BLUEBELL = supplier('Bluebell School Software');
const PENNINE = supplier('Pennine Digital Services');

/**
 * A realistic national register for the demo programme: risks, issues and barriers,
 * national and scoped to suppliers and councils, across scores and states, with actions
 * and reviews, some overdue (review dates follow the default cadence from the last review).
 */
export const DEMO_RISKS: DemoRisk[] = [
  {
    key: 'demo-01',
    kind: 'risk',
    title: 'HMRC eligibility API capacity at peak FSM application periods',
    description:
      'Application volumes in the first week of September and January can exceed the agreed ' +
      'HMRC eligibility API rate, causing queued or failed free school meals checks.',
    category: 'capacity',
    owner: agency('hmrc'),
    treatment: 'reduce',
    status: 'mitigating',
    inherent: [4, 5],
    residual: [3, 5],
    createdDaysAgo: 70,
    reviews: [
      { daysAgo: 40, note: 'Rate limit raised from 50 to 120 requests/s; still short of peak.' },
      { daysAgo: 20, note: 'Surge agreement in negotiation; keep red until signed.' },
    ],
    actions: [
      {
        title: 'Agree surge capacity with HMRC for the September peak',
        owner: agency('hmrc'),
        dueInDays: -10,
        status: 'in_progress',
      },
      {
        title: 'Cache repeat eligibility checks for 24 hours',
        owner: ADMIN,
        dueInDays: 20,
        status: 'open',
      },
      {
        title: 'Load test the eligibility checker at three times peak',
        owner: ADMIN,
        dueInDays: -30,
        status: 'done',
      },
    ],
  },
  {
    key: 'demo-02',
    kind: 'risk',
    title: `${KESTREL.name.replace(' Ltd (demo)', '')} late delivery of admissions interface`,
    description:
      'The interface to the shared admissions service is three sprints behind plan; 14 ' +
      'councils depend on it for the next admissions round.',
    category: 'delivery',
    supplier: KESTREL.name,
    owner: KESTREL.account,
    treatment: 'reduce',
    status: 'assessed',
    escalation: 'national',
    inherent: [4, 4],
    residual: [4, 4],
    createdDaysAgo: 12,
    reviews: [{ daysAgo: 5, note: 'Recovery plan requested from the supplier.' }],
    actions: [
      {
        title: 'Publish a revised delivery plan with weekly milestones',
        owner: KESTREL.account,
        dueInDays: 7,
        status: 'open',
      },
    ],
  },
  {
    key: 'demo-03',
    kind: 'barrier',
    title: 'Council capacity to run dual paper and online processes',
    description:
      'Leeds must keep paper applications for two rounds while online take-up grows; the ' +
      'admissions team cannot staff both at the January deadline.',
    category: 'capacity',
    council: 'E08000035',
    owner: council('E08000035'),
    treatment: 'reduce',
    status: 'mitigating',
    inherent: [4, 3],
    residual: [3, 3],
    createdDaysAgo: 90,
    reviews: [{ daysAgo: 45, note: 'Temporary staff agreed; paper volumes falling slowly.' }],
    actions: [
      {
        title: 'Second two staff to the admissions team for the January deadline',
        owner: council('E08000035'),
        dueInDays: -3,
        status: 'open',
      },
    ],
  },
  {
    key: 'demo-04',
    kind: 'risk',
    title: 'Data protection: sharing of benefit data between DWP and councils',
    description:
      'Eligibility checks disclose benefit status to councils; without a signed data sharing ' +
      'agreement and DPIA the checks could be unlawful.',
    category: 'data_protection',
    owner: agency('dwp'),
    treatment: 'reduce',
    status: 'mitigating',
    inherent: [3, 5],
    residual: [2, 5],
    createdDaysAgo: 60,
    reviews: [{ daysAgo: 10, note: 'DPIA template published; agreement with DWP legal.' }],
    actions: [
      {
        title: 'Sign the national data sharing agreement with DWP',
        owner: agency('dwp'),
        dueInDays: 14,
        status: 'in_progress',
      },
      {
        title: 'Publish the DPIA template for councils',
        owner: ADMIN,
        dueInDays: -20,
        status: 'done',
      },
    ],
  },
  {
    key: 'demo-05',
    kind: 'issue',
    title: 'Home Office immigration status checks time out for 2% of applications',
    description:
      'Checks for families with no recourse to public funds time out after 30 seconds; ' +
      'parents see an error and councils re-key the application.',
    category: 'technical',
    owner: agency('ho'),
    treatment: 'reduce',
    status: 'mitigating',
    inherent: [5, 3],
    residual: [5, 3],
    createdDaysAgo: 8,
    reviews: [{ daysAgo: 3, note: 'Home Office investigating the slow upstream service.' }],
    actions: [
      {
        title: 'Fall back to manual evidence when the status check times out',
        owner: ADMIN,
        dueInDays: -1,
        status: 'in_progress',
      },
    ],
  },
  {
    key: 'demo-06',
    kind: 'risk',
    title: 'Supplier market concentration for cashless catering',
    description:
      'Two suppliers serve most schools; the failure or exit of either would leave councils ' +
      'without a certified product.',
    category: 'commercial',
    owner: ADMIN,
    treatment: 'accept',
    status: 'monitoring',
    inherent: [3, 3],
    residual: [2, 3],
    createdDaysAgo: 120,
    reviews: [
      { daysAgo: 55, note: 'Third supplier started conformance.' },
      { daysAgo: 25, note: 'No change; tolerate and watch.' },
    ],
    actions: [],
  },
  {
    key: 'demo-07',
    kind: 'risk',
    title: 'Credential stuffing against parent accounts in admissions portals',
    description: 'Leaked passwords from other sites are being tried against parent accounts.',
    category: 'security',
    owner: ADMIN,
    treatment: 'reduce',
    status: 'mitigating',
    inherent: [3, 4],
    residual: [2, 4],
    createdDaysAgo: 30,
    reviews: [{ daysAgo: 12, note: 'Two suppliers added rate limiting; others to follow.' }],
    actions: [
      {
        title: 'Require rate limiting and breached-password checks in the requirement set',
        owner: ADMIN,
        dueInDays: 30,
        status: 'open',
      },
    ],
  },
  {
    key: 'demo-08',
    kind: 'barrier',
    title: 'Uncertain funding for council integration work after March',
    description:
      'Councils will not commit integration effort for the next round until the grant for ' +
      'the following financial year is confirmed.',
    category: 'funding',
    owner: agency('dfe'),
    treatment: 'transfer',
    status: 'identified',
    inherent: [3, 4],
    residual: [3, 4],
    createdDaysAgo: 40,
    reviews: [],
    actions: [],
  },
  {
    key: 'demo-09',
    kind: 'risk',
    title: 'Release cadence misaligned with the admissions timetable',
    description:
      'Quarterly releases land after the national offer day freeze, so fixes wait a round.',
    category: 'delivery',
    supplier: NORTHWIND_ED.name,
    owner: NORTHWIND_ED.account,
    treatment: 'reduce',
    status: 'assessed',
    inherent: [3, 3],
    residual: [3, 3],
    createdDaysAgo: 20,
    reviews: [{ daysAgo: 8, note: 'Supplier proposes a monthly patch train.' }],
    actions: [],
  },
  {
    key: 'demo-10',
    kind: 'issue',
    title: 'Payment toolkit fails PCI DSS external vulnerability scan',
    description: 'The quarterly ASV scan failed on weak TLS ciphers on the payment pages.',
    category: 'security',
    supplier: BLUEBELL.name,
    owner: BLUEBELL.account,
    treatment: 'reduce',
    status: 'mitigating',
    escalation: 'national',
    inherent: [4, 4],
    residual: [4, 4],
    createdDaysAgo: 6,
    reviews: [{ daysAgo: 2, note: 'Fix in test; re-scan booked.' }],
    actions: [
      {
        title: 'Remediate the TLS configuration on payment pages',
        owner: BLUEBELL.account,
        dueInDays: 5,
        status: 'in_progress',
      },
      { title: 'Re-run the ASV scan', owner: BLUEBELL.account, dueInDays: 12, status: 'open' },
    ],
  },
  {
    key: 'demo-11',
    kind: 'risk',
    title: 'Welsh language versions of online forms not ready for launch',
    description: 'Cardiff cannot launch online admissions without Welsh versions of every form.',
    category: 'adoption',
    council: 'W06000015',
    owner: council('W06000015'),
    treatment: 'reduce',
    status: 'mitigating',
    inherent: [3, 3],
    residual: [2, 3],
    createdDaysAgo: 50,
    reviews: [{ daysAgo: 35, note: 'Translation budget approved.' }],
    actions: [
      {
        title: 'Commission translation of the admissions forms',
        owner: council('W06000015'),
        dueInDays: -7,
        status: 'open',
      },
    ],
  },
  {
    key: 'demo-12',
    kind: 'risk',
    title: 'Inconsistent pupil identifiers between admissions and FSM data standards',
    description:
      'Admissions uses the UPN where known, FSM a council reference; matching across services ' +
      'will fail for some children.',
    category: 'interoperability',
    owner: agency('dfe'),
    treatment: 'reduce',
    status: 'assessed',
    inherent: [4, 3],
    residual: [4, 3],
    createdDaysAgo: 15,
    reviews: [{ daysAgo: 6, note: 'Standards board to decide on UPN guidance.' }],
    actions: [
      {
        title: 'Publish UPN usage guidance in the data standard',
        owner: agency('dfe'),
        dueInDays: 21,
        status: 'open',
      },
    ],
  },
  {
    key: 'demo-13',
    kind: 'risk',
    title: 'Late publication of the 2027 admissions requirement set',
    description: 'Suppliers need the requirement set six months before the round opens.',
    category: 'governance',
    owner: ADMIN,
    treatment: 'reduce',
    status: 'closed',
    inherent: [2, 4],
    residual: [1, 4],
    createdDaysAgo: 150,
    reviews: [{ daysAgo: 100, note: 'Draft circulated to suppliers on schedule.' }],
    actions: [],
    closureReason: 'Requirement set published on time; no longer a risk.',
  },
  {
    key: 'demo-14',
    kind: 'risk',
    title: 'Eligibility checker outage during results week',
    description:
      'A single-region deployment of the eligibility checker is a single point of failure.',
    category: 'technical',
    owner: ADMIN,
    treatment: 'reduce',
    status: 'realised',
    inherent: [2, 5],
    residual: [2, 5],
    createdDaysAgo: 80,
    reviews: [{ daysAgo: 45, note: 'Second region planned for next quarter.' }],
    actions: [],
    realisedInto: 'demo-15',
  },
  {
    key: 'demo-15',
    kind: 'issue',
    title: 'Realised: eligibility checker outage during results week',
    description: 'The checker was unavailable for five hours; 3,100 applications queued.',
    category: 'technical',
    owner: ADMIN,
    treatment: 'reduce',
    status: 'mitigating',
    inherent: [5, 5],
    residual: [5, 5],
    createdDaysAgo: 20,
    reviews: [{ daysAgo: 1, note: 'Queue drained; root cause analysis under way.' }],
    actions: [
      {
        title: 'Root cause analysis with the hosting provider',
        owner: ADMIN,
        dueInDays: 3,
        status: 'in_progress',
      },
      { title: 'Add a second availability zone', owner: ADMIN, dueInDays: 30, status: 'open' },
    ],
  },
  {
    key: 'demo-16',
    kind: 'barrier',
    title: 'Legacy admissions system contract runs to 2028',
    description: 'Exit costs make switching to a certified product before 2028 poor value.',
    category: 'commercial',
    council: 'E08000025',
    owner: council('E08000025'),
    treatment: 'accept',
    status: 'monitoring',
    inherent: [4, 2],
    residual: [4, 2],
    createdDaysAgo: 60,
    reviews: [{ daysAgo: 20, note: 'Contract break clause reviewed; none before 2028.' }],
    actions: [],
  },
  {
    key: 'demo-17',
    kind: 'risk',
    title: 'Key-person dependency on the integration lead',
    description: 'One engineer holds the knowledge of every council integration.',
    category: 'capacity',
    supplier: PENNINE.name,
    owner: PENNINE.account,
    treatment: 'reduce',
    status: 'mitigating',
    inherent: [3, 4],
    residual: [2, 4],
    createdDaysAgo: 75,
    reviews: [{ daysAgo: 50, note: 'Runbook started; second engineer identified.' }],
    actions: [
      {
        title: 'Document the integration runbook',
        owner: PENNINE.account,
        dueInDays: -14,
        status: 'open',
      },
      {
        title: 'Cross-train a second engineer',
        owner: PENNINE.account,
        dueInDays: 10,
        status: 'in_progress',
      },
    ],
  },
  {
    key: 'demo-18',
    kind: 'risk',
    title: 'Low take-up of online FSM applications in rural councils',
    description: 'Broadband gaps and awareness keep paper applications high in rural areas.',
    category: 'adoption',
    owner: ADMIN,
    treatment: 'reduce',
    status: 'monitoring',
    inherent: [3, 3],
    residual: [2, 3],
    createdDaysAgo: 100,
    reviews: [
      { daysAgo: 45, note: 'Campaign with schools launched.' },
      { daysAgo: 15, note: 'Take-up up 12 points in pilot councils.' },
    ],
    actions: [],
  },
  {
    key: 'demo-19',
    kind: 'risk',
    title: 'Cashless catering rollout delayed by school network upgrades',
    description: 'Tills need the new school network, which is late in 11 schools.',
    category: 'delivery',
    council: 'W06000011',
    owner: council('W06000011'),
    treatment: 'avoid',
    status: 'identified',
    inherent: [3, 2],
    residual: [3, 2],
    createdDaysAgo: 5,
    reviews: [],
    actions: [],
  },
  {
    key: 'demo-20',
    kind: 'risk',
    title: 'Retention of eligibility check results beyond the agreed period',
    description: 'Some products keep check results after the 12 months agreed with DWP.',
    category: 'data_protection',
    owner: ADMIN,
    treatment: 'reduce',
    status: 'monitoring',
    inherent: [2, 3],
    residual: [2, 2],
    createdDaysAgo: 200,
    reviews: [{ daysAgo: 95, note: 'Retention added to conformance checks.' }],
    actions: [],
  },
  {
    key: 'demo-21',
    kind: 'issue',
    title: 'Admissions API returns stale offer statuses',
    description: 'Offer status changes take up to an hour to appear to parents.',
    category: 'technical',
    supplier: NORTHWIND_SCHOOL.name,
    owner: NORTHWIND_SCHOOL.account,
    treatment: 'reduce',
    status: 'mitigating',
    inherent: [4, 3],
    residual: [3, 3],
    createdDaysAgo: 18,
    reviews: [{ daysAgo: 9, note: 'Cache invalidation fix in progress.' }],
    actions: [
      {
        title: 'Fix cache invalidation on offer status change',
        owner: NORTHWIND_SCHOOL.account,
        dueInDays: 4,
        status: 'in_progress',
      },
    ],
  },
  {
    key: 'demo-22',
    kind: 'risk',
    title: 'Reliance on the London shared admissions service during migration',
    description: 'Hackney depends on the shared service while its own system is retired.',
    category: 'delivery',
    council: 'E09000012',
    owner: council('E09000012'),
    treatment: 'transfer',
    status: 'monitoring',
    inherent: [2, 3],
    residual: [2, 3],
    createdDaysAgo: 90,
    reviews: [{ daysAgo: 60, note: 'Service level agreed with the London shared service.' }],
    actions: [],
  },
  {
    key: 'demo-23',
    kind: 'barrier',
    title: 'Shortage of accessibility auditors for supplier usability evaluations',
    description: 'Independent evaluations are booked eight weeks out, delaying certification.',
    category: 'capacity',
    owner: ADMIN,
    treatment: 'reduce',
    status: 'mitigating',
    inherent: [4, 3],
    residual: [3, 3],
    createdDaysAgo: 40,
    reviews: [{ daysAgo: 14, note: 'Procurement of additional auditors started.' }],
    actions: [
      {
        title: 'Frame agreement with two more accessibility auditors',
        owner: ADMIN,
        dueInDays: 25,
        status: 'open',
      },
    ],
  },
  {
    key: 'demo-24',
    kind: 'risk',
    title: 'Supplier webhook signing secrets not rotated',
    description: 'Several suppliers have never rotated the secret that signs programme webhooks.',
    category: 'security',
    owner: ADMIN,
    treatment: 'avoid',
    status: 'identified',
    inherent: [2, 3],
    residual: [2, 3],
    createdDaysAgo: 2,
    reviews: [],
    actions: [],
  },
  {
    key: 'demo-25',
    kind: 'risk',
    title: 'Low application volumes make dual running poor value',
    description:
      'The City of London receives few applications; dual running costs per case are high.',
    category: 'commercial',
    council: 'E09000001',
    owner: council('E09000001'),
    treatment: 'accept',
    status: 'monitoring',
    inherent: [2, 2],
    residual: [2, 2],
    createdDaysAgo: 45,
    reviews: [{ daysAgo: 30, note: 'Accepted by the programme board.' }],
    actions: [],
  },
];
