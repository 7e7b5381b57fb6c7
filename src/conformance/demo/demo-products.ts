import { DEMO_SUPPLIERS } from '../../organisations/demo-suppliers.js';
import type { ProductStatus } from '../../products/product-lifecycle.js';
import type { CertificateStatus } from '../certificate-status.js';
import type { SubmissionResult, SubmissionStatus } from '../submission-lifecycle.js';

/** The council-delivered demo services and the product line each supplier sells for it. */
const SERVICES = [
  { code: 'ADMISSIONS', label: 'Admissions' },
  { code: 'FSM-APPLY', label: 'Free Meals Apply' },
  { code: 'PAYMENTS', label: 'Pay' },
  { code: 'CASHLESS', label: 'Cashless Catering' },
];

/** The last submission of each of a service's five demo products, in order. */
const PROFILES: {
  status: ProductStatus;
  certificate: CertificateStatus | null;
  expiresInDays: number;
  evaluation: boolean;
}[] = [
  { status: 'published', certificate: 'valid', expiresInDays: 290, evaluation: true },
  { status: 'published', certificate: 'valid', expiresInDays: 21, evaluation: true },
  {
    status: 'in_remediation',
    certificate: 'reassessment_due',
    expiresInDays: 200,
    evaluation: true,
  },
  { status: 'published', certificate: 'expired', expiresInDays: -15, evaluation: false },
  { status: 'draft', certificate: null, expiresInDays: 0, evaluation: false },
];

/** Open submissions of products 3 and 4 take every other state across the services. */
const OPEN_STATES: [SubmissionStatus, SubmissionResult | null][] = [
  ['in_review', null],
  ['submitted', null],
  ['decided', 'changes_requested'],
  ['decided', 'rejected'],
];

export interface DemoProduct {
  key: string;
  service: string;
  supplier: string;
  name: string;
  status: ProductStatus;
}
export interface DemoSubmission {
  key: string;
  product: string;
  status: SubmissionStatus;
  result: SubmissionResult | null;
  /** Answers every requirement (false: only the first half, as a draft would). */
  complete: boolean;
}
export interface DemoCertificate {
  key: string;
  product: string;
  submission: string | null;
  status: CertificateStatus;
  expiresInDays: number;
}
export interface DemoEvaluation {
  key: string;
  product: string;
  sus: number;
  completion: number;
  wcag: string;
}

export const DEMO_PRODUCTS: DemoProduct[] = [];
export const DEMO_SUBMISSIONS: DemoSubmission[] = [];
export const DEMO_CERTIFICATES: DemoCertificate[] = [];
export const DEMO_EVALUATIONS: DemoEvaluation[] = [];

SERVICES.forEach((service, s) => {
  PROFILES.forEach((profile, i) => {
    const supplier = DEMO_SUPPLIERS[(s * 5 + i * 7) % DEMO_SUPPLIERS.length];
    const key = `demo-product:${service.code}:${i}`;
    DEMO_PRODUCTS.push({
      key,
      service: service.code,
      supplier: supplier.name,
      name: `${supplier.name.split(' ')[0]} ${service.label}`,
      status: profile.status,
    });
    if (profile.certificate) {
      const approved = `demo-submission:${service.code}:${i}:approved`;
      DEMO_SUBMISSIONS.push({
        key: approved,
        product: key,
        status: 'decided',
        result: 'approved',
        complete: true,
      });
      DEMO_CERTIFICATES.push({
        key: `demo-certificate:${service.code}:${i}`,
        product: key,
        submission: approved,
        status: profile.certificate,
        expiresInDays: profile.expiresInDays,
      });
    }
    if (i >= 3) {
      const [status, result] = i === 4 ? (['draft', null] as const) : OPEN_STATES[s];
      DEMO_SUBMISSIONS.push({
        key: `demo-submission:${service.code}:${i}:open`,
        product: key,
        status,
        result,
        complete: status !== 'draft',
      });
    }
    if (profile.evaluation) {
      DEMO_EVALUATIONS.push({
        key: `demo-evaluation:${service.code}:${i}`,
        product: key,
        sus: 62.5 + ((s * 5 + i * 11) % 30),
        completion: 70 + ((s * 3 + i * 7) % 30),
        wcag: i === 2 ? 'A' : 'AA',
      });
    }
  });
});
