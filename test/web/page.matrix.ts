import type { PrincipalName } from '../support/principals.js';

/** Ids the page matrix needs (council X's adoption, its step and variance, a service). */
export interface PageFixtures {
  adoptionX: string;
  serviceId: string;
  stepId: string;
  varianceX: string;
  /** A benefit of the service supplier A delivers and council X adopts. */
  benefitId: string;
  /** Supplier A's product (claims serviceId). */
  productA: string;
  councilX: string;
  /** Supplier A's draft conformance submission for productA × serviceId. */
  submissionA: string;
  /** productA's certificate: its id and its public number. */
  certificateA: string;
  certificateNumber: string;
  /** An API token of supplier A (revoked by supplier A's row, so it comes last for A). */
  apiTokenA: string;
  /** Supplier A's organisation id. */
  supplierA: string;
  /** A draft communication to supplier A (never sent by the matrix: its POSTs fail validation). */
  commsDraft: string;
  /** Open relationship check-ins with supplier A and council X. */
  checkInA: string;
  checkInX: string;
  /** The demo payments toolkit, a published release of it and one of its files. */
  toolkitId: string;
  toolkitReleaseId: string;
  toolkitFileId: string;
  /** A draft release of that toolkit (no files: publishing it is 409). */
  toolkitDraftId: string;
  /** A national risk raised by the admin, and one mitigation action of it. */
  riskId: string;
  riskActionId: string;
  /** A communication sent to supplier A that asks for no acknowledgement, and A's contact. */
  inboxCommunicationA: string;
  inboxContactA: string;
  /** A governance group with supplier A and council X as members, its meeting and action. */
  govGroup: string;
  govMeeting: string;
  govAction: string;
  /** A proposed, non-public decision taken at govMeeting (its members read it). */
  govDecision: string;
  /** A demo critical date, a standard with tested-together records and one record. */
  criticalDate: string;
  interopStandard: string;
  interopTest: string;
  /** Catalogue: serviceId's published requirement set, its draft (requirement PMX-001), a shared service. */
  catPublishedSet: string;
  catDraftSet: string;
  catSharedService: string;
}

/**
 * One row per page route: how to call it and the status each principal gets. Pages
 * answer signed-out visitors with 303 to the sign-in page, other roles with a 403 page,
 * another council's records with a 404 page. POSTs carry the caller's CSRF token and a
 * body that fails validation where the route validates (400 for the owner).
 */
export interface PageCase {
  route: string;
  path: (f: PageFixtures) => string;
  body?: Record<string, string>;
  expect: Partial<Record<PrincipalName, number>> & { otherwise: number };
}

export const PAGE_PRINCIPALS: PrincipalName[] = [
  'anonymous',
  'admin',
  'supplierA',
  'supplierB',
  'councilX',
  'councilY',
  'agency',
];

const SUPPLIER_A_ONLY = { anonymous: 303, supplierA: 200, supplierB: 404, otherwise: 403 };
const ANY_SUPPLIER = { anonymous: 303, supplierA: 200, supplierB: 200, otherwise: 403 };
const PROGRAMME_READ = { anonymous: 303, admin: 200, agency: 200, otherwise: 403 };
const REVIEW_READ = { anonymous: 303, admin: 200, otherwise: 403 };
const REVIEW_WRITE = { anonymous: 303, admin: 400, otherwise: 403 };
const ADMIN_PAGE = { anonymous: 303, admin: 200, otherwise: 403 };
const COUNCIL_X_ONLY = { anonymous: 303, councilX: 200, councilY: 404, otherwise: 403 };
const ANY_COUNCIL = { anonymous: 303, councilX: 200, councilY: 200, otherwise: 403 };

export const PAGE_MATRIX: PageCase[] = [
  {
    route: 'GET /',
    path: () => '/',
    expect: {
      anonymous: 303,
      councilX: 303,
      councilY: 303,
      supplierA: 303,
      supplierB: 303,
      admin: 303,
      agency: 303,
      otherwise: 200,
    },
  },
  { route: 'GET /sign-in', path: () => '/sign-in', expect: { otherwise: 200 } },
  {
    route: 'POST /sign-in',
    path: () => '/sign-in',
    body: { email: 'not-an-email', password: '' },
    expect: { otherwise: 400 },
  },
  {
    route: 'POST /language',
    path: () => '/language',
    body: { lang: 'en', returnTo: '/sign-in' },
    expect: { otherwise: 303 },
  },
  {
    route: 'GET /council',
    path: () => '/council',
    expect: { anonymous: 303, councilX: 200, councilY: 200, otherwise: 403 },
  },
  {
    route: 'GET /council/adoptions/:id',
    path: (f) => `/council/adoptions/${f.adoptionX}`,
    expect: COUNCIL_X_ONLY,
  },
  {
    route: 'POST /council/adoptions/:id/steps/:stepId',
    path: (f) => `/council/adoptions/${f.adoptionX}/steps/${f.stepId}`,
    body: { done: 'true' },
    expect: { anonymous: 303, councilX: 303, councilY: 404, otherwise: 403 },
  },
  {
    route: 'POST /council/adoptions/:id/stage',
    path: (f) => `/council/adoptions/${f.adoptionX}/stage`,
    body: { to: 'nowhere', version: '1' },
    expect: { anonymous: 303, councilX: 400, councilY: 404, otherwise: 403 },
  },
  {
    route: 'GET /council/adoptions/:id/route',
    path: (f) => `/council/adoptions/${f.adoptionX}/route`,
    expect: COUNCIL_X_ONLY,
  },
  {
    route: 'POST /council/adoptions/:id/route',
    path: (f) => `/council/adoptions/${f.adoptionX}/route`,
    body: { version: '1' },
    expect: { anonymous: 303, councilX: 400, councilY: 404, otherwise: 403 },
  },
  {
    route: 'GET /council/adoptions/:id/variances',
    path: (f) => `/council/adoptions/${f.adoptionX}/variances`,
    expect: COUNCIL_X_ONLY,
  },
  {
    route: 'POST /council/adoptions/:id/variances',
    path: (f) => `/council/adoptions/${f.adoptionX}/variances`,
    body: { requirementCode: 'bad code', description: '', justification: '', expiresOn: 'soon' },
    expect: { anonymous: 303, councilX: 400, councilY: 404, otherwise: 403 },
  },
  {
    route: 'POST /council/adoptions/:id/variances/:varianceId/withdraw',
    path: (f) => `/council/adoptions/${f.adoptionX}/variances/${f.varianceX}/withdraw`,
    body: { version: '999' },
    expect: { anonymous: 303, councilX: 409, councilY: 404, otherwise: 403 },
  },
  {
    route: 'GET /council/services/:serviceId/products',
    path: (f) => `/council/services/${f.serviceId}/products`,
    expect: { anonymous: 303, councilX: 200, councilY: 200, otherwise: 403 },
  },
  // Benefits register pages: every role reads; tenants only benefits of their services.
  {
    route: 'GET /benefit-register',
    path: () => '/benefit-register',
    expect: { anonymous: 303, otherwise: 200 },
  },
  {
    route: 'GET /benefit-register/:id',
    path: (f) => `/benefit-register/${f.benefitId}`,
    expect: { anonymous: 303, councilY: 404, supplierB: 404, otherwise: 200 },
  },
  // Supplier pages: supplier A's own records; any other role is refused.
  {
    route: 'GET /supplier',
    path: () => '/supplier',
    expect: ANY_SUPPLIER,
  },
  {
    route: 'GET /supplier/certificates',
    path: () => '/supplier/certificates',
    expect: ANY_SUPPLIER,
  },
  {
    route: 'GET /supplier/products',
    path: () => '/supplier/products',
    expect: ANY_SUPPLIER,
  },
  {
    route: 'GET /supplier/products/new',
    path: () => '/supplier/products/new',
    expect: ANY_SUPPLIER,
  },
  {
    route: 'POST /supplier/products',
    path: () => '/supplier/products',
    body: { name: '', productVersion: '', serviceIds: 'not-a-uuid' },
    expect: { anonymous: 303, supplierA: 400, supplierB: 400, otherwise: 403 },
  },
  {
    route: 'GET /supplier/products/:id',
    path: (f) => `/supplier/products/${f.productA}`,
    expect: SUPPLIER_A_ONLY,
  },
  {
    route: 'GET /supplier/products/:id/edit',
    path: (f) => `/supplier/products/${f.productA}/edit`,
    expect: SUPPLIER_A_ONLY,
  },
  {
    route: 'POST /supplier/products/:id',
    path: (f) => `/supplier/products/${f.productA}`,
    body: { name: '', productVersion: '1', version: '1' },
    expect: { anonymous: 303, supplierA: 400, supplierB: 404, otherwise: 403 },
  },
  {
    route: 'POST /supplier/products/:id/status',
    path: (f) => `/supplier/products/${f.productA}/status`,
    body: { to: 'nowhere', version: '1' },
    expect: { anonymous: 303, supplierA: 400, supplierB: 404, otherwise: 403 },
  },
  {
    route: 'POST /supplier/products/:id/submissions',
    path: (f) => `/supplier/products/${f.productA}/submissions`,
    body: { serviceId: 'not-a-service' },
    expect: { anonymous: 303, supplierA: 400, supplierB: 404, otherwise: 403 },
  },
  // Conformance submissions (a stale version posted: 409 for the owner, changes nothing).
  {
    route: 'GET /supplier/submissions',
    path: () => '/supplier/submissions',
    expect: ANY_SUPPLIER,
  },
  {
    route: 'GET /supplier/submissions/:id',
    path: (f) => `/supplier/submissions/${f.submissionA}`,
    expect: SUPPLIER_A_ONLY,
  },
  {
    route: 'GET /supplier/submissions/:id/categories/:n',
    path: (f) => `/supplier/submissions/${f.submissionA}/categories/1`,
    expect: SUPPLIER_A_ONLY,
  },
  {
    route: 'POST /supplier/submissions/:id/categories/:n',
    path: (f) => `/supplier/submissions/${f.submissionA}/categories/1`,
    body: { version: '0' },
    expect: { anonymous: 303, supplierA: 409, supplierB: 404, otherwise: 403 },
  },
  {
    route: 'GET /supplier/submissions/:id/samples',
    path: (f) => `/supplier/submissions/${f.submissionA}/samples`,
    expect: SUPPLIER_A_ONLY,
  },
  {
    route: 'POST /supplier/submissions/:id/samples',
    path: (f) => `/supplier/submissions/${f.submissionA}/samples`,
    body: { label: 'Matrix', payload: '{not json' },
    expect: { anonymous: 303, supplierA: 400, supplierB: 404, otherwise: 403 },
  },
  {
    route: 'POST /supplier/submissions/:id/samples/:sampleId/remove',
    path: (f) =>
      `/supplier/submissions/${f.submissionA}/samples/00000000-0000-4000-8000-000000000000/remove`,
    body: { version: '0' },
    expect: { anonymous: 303, supplierA: 409, supplierB: 404, otherwise: 403 },
  },
  {
    route: 'GET /supplier/submissions/:id/check',
    path: (f) => `/supplier/submissions/${f.submissionA}/check`,
    expect: SUPPLIER_A_ONLY,
  },
  {
    route: 'POST /supplier/submissions/:id/submit',
    path: (f) => `/supplier/submissions/${f.submissionA}/submit`,
    body: { version: '0' },
    expect: { anonymous: 303, supplierA: 409, supplierB: 404, otherwise: 403 },
  },
  {
    route: 'GET /supplier/submissions/:id/outcome',
    path: (f) => `/supplier/submissions/${f.submissionA}/outcome`,
    expect: SUPPLIER_A_ONLY,
  },
  {
    route: 'GET /supplier/certificates/:id',
    path: (f) => `/supplier/certificates/${f.certificateA}`,
    expect: SUPPLIER_A_ONLY,
  },
  // Public certificate verification: anyone, signed in or not.
  {
    route: 'GET /verify-certificate',
    path: () => '/verify-certificate',
    expect: { otherwise: 200 },
  },
  {
    route: 'GET /verify-certificate/:number',
    path: (f) => `/verify-certificate/${f.certificateNumber}`,
    expect: { otherwise: 200 },
  },
  // Programme office pages.
  {
    route: 'GET /programme/dashboard',
    path: (f) => `/programme/dashboard?serviceId=${f.serviceId}`,
    expect: PROGRAMME_READ,
  },
  {
    route: 'GET /programme/dashboard/download',
    path: () => '/programme/dashboard/download?nation=England',
    expect: PROGRAMME_READ,
  },
  {
    route: 'GET /programme/dashboard/attention',
    path: () => '/programme/dashboard/attention?region=London',
    expect: PROGRAMME_READ,
  },
  {
    route: 'GET /programme/councils',
    path: () => '/programme/councils?q=E0',
    expect: PROGRAMME_READ,
  },
  {
    route: 'GET /programme/councils/:id',
    path: (f) => `/programme/councils/${f.councilX}`,
    expect: PROGRAMME_READ,
  },
  // Public pages and open data: no sign-in, the same for everyone.
  { route: 'GET /public', path: () => '/public', expect: { otherwise: 200 } },
  { route: 'GET /public/councils', path: () => '/public/councils', expect: { otherwise: 200 } },
  {
    route: 'GET /public/councils/:gssCode',
    path: () => '/public/councils/E09000001',
    expect: { otherwise: 200 },
  },
  {
    route: 'GET /public/certified-products',
    path: () => '/public/certified-products',
    expect: { otherwise: 200 },
  },
  { route: 'GET /open-data', path: () => '/open-data', expect: { otherwise: 200 } },
  {
    route: 'GET /open-data/adoptions.csv',
    path: () => '/open-data/adoptions.csv',
    expect: { otherwise: 200 },
  },
  {
    route: 'GET /open-data/adoptions.json',
    path: () => '/open-data/adoptions.json',
    expect: { otherwise: 200 },
  },
  {
    route: 'GET /open-data/certified-products.csv',
    path: () => '/open-data/certified-products.csv',
    expect: { otherwise: 200 },
  },
  {
    route: 'GET /open-data/certified-products.json',
    path: () => '/open-data/certified-products.json',
    expect: { otherwise: 200 },
  },
  // Programme office: conformance reviews (programme staff only, like the API; admin writes).
  { route: 'GET /programme/reviews', path: () => '/programme/reviews', expect: REVIEW_READ },
  {
    route: 'GET /programme/reviews/:id',
    path: (f) => `/programme/reviews/${f.submissionA}`,
    expect: REVIEW_READ,
  },
  {
    route: 'POST /programme/reviews/:id/claim',
    path: (f) => `/programme/reviews/${f.submissionA}/claim`,
    body: { version: 'x' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'POST /programme/reviews/:id/verdicts',
    path: (f) => `/programme/reviews/${f.submissionA}/verdicts`,
    body: { version: 'x' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'POST /programme/reviews/:id/decision',
    path: (f) => `/programme/reviews/${f.submissionA}/decision`,
    body: { result: 'maybe', reason: '', version: '1' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'GET /programme/audit',
    path: () => '/programme/audit?entityType=conformance_submission&from=2026-01-01',
    expect: REVIEW_READ,
  },
  // Supplier settings: API tokens.
  {
    route: 'GET /supplier/api-tokens',
    path: () => '/supplier/api-tokens',
    expect: ANY_SUPPLIER,
  },
  {
    route: 'GET /supplier/api-tokens/new',
    path: () => '/supplier/api-tokens/new',
    expect: ANY_SUPPLIER,
  },
  {
    route: 'POST /supplier/api-tokens',
    path: () => '/supplier/api-tokens',
    body: { name: '' },
    expect: { anonymous: 303, supplierA: 400, supplierB: 400, otherwise: 403 },
  },
  {
    route: 'GET /supplier/api-tokens/:id/revoke',
    path: (f) => `/supplier/api-tokens/${f.apiTokenA}/revoke`,
    expect: SUPPLIER_A_ONLY,
  },
  {
    route: 'POST /supplier/api-tokens/:id/revoke',
    path: (f) => `/supplier/api-tokens/${f.apiTokenA}/revoke`,
    expect: { anonymous: 303, supplierA: 303, supplierB: 404, otherwise: 403 },
  },
  // Supplier settings: the organisation's own webhook endpoint (none yet: test and rotate 409).
  {
    route: 'GET /supplier/webhooks',
    path: () => '/supplier/webhooks',
    expect: ANY_SUPPLIER,
  },
  {
    route: 'POST /supplier/webhooks',
    path: () => '/supplier/webhooks',
    body: { url: 'not a url' },
    expect: { anonymous: 303, supplierA: 400, supplierB: 400, otherwise: 403 },
  },
  {
    route: 'POST /supplier/webhooks/test',
    path: () => '/supplier/webhooks/test',
    expect: { anonymous: 303, supplierA: 409, supplierB: 409, otherwise: 403 },
  },
  {
    route: 'POST /supplier/webhooks/rotate-secret',
    path: () => '/supplier/webhooks/rotate-secret',
    expect: { anonymous: 303, supplierA: 409, supplierB: 409, otherwise: 403 },
  },
  // Programme office: communications (programme staff, as the API's deliveries; admin writes).
  {
    route: 'GET /programme/communications',
    path: () => '/programme/communications',
    expect: REVIEW_READ,
  },
  {
    route: 'GET /programme/communications/new',
    path: () => '/programme/communications/new',
    expect: { anonymous: 303, admin: 200, otherwise: 403 },
  },
  {
    route: 'POST /programme/communications/new',
    path: () => '/programme/communications/new',
    body: { subjectTemplate: '' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'GET /programme/communications/:id',
    path: (f) => `/programme/communications/${f.commsDraft}`,
    expect: REVIEW_READ,
  },
  {
    route: 'GET /programme/communications/:id/preview',
    path: (f) => `/programme/communications/${f.commsDraft}/preview`,
    expect: REVIEW_READ,
  },
  {
    route: 'GET /programme/communications/:id/edit',
    path: (f) => `/programme/communications/${f.commsDraft}/edit`,
    expect: { anonymous: 303, admin: 200, otherwise: 403 },
  },
  {
    route: 'POST /programme/communications/:id/edit',
    path: (f) => `/programme/communications/${f.commsDraft}/edit`,
    body: { topic: 'Not A Slug' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'POST /programme/communications/:id/send',
    path: (f) => `/programme/communications/${f.commsDraft}/send`,
    body: { sendAt: 'not a time' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'POST /programme/communications/:id/cancel',
    path: (f) => `/programme/communications/${f.commsDraft}/cancel`,
    body: { note: 'x'.repeat(2001) },
    expect: REVIEW_WRITE,
  },
  // Programme office: suppliers (read-only; agencies read them as in the API).
  {
    route: 'GET /programme/suppliers',
    path: () => '/programme/suppliers?q=North',
    expect: PROGRAMME_READ,
  },
  {
    route: 'GET /programme/suppliers/:id',
    path: (f) => `/programme/suppliers/${f.supplierA}`,
    expect: PROGRAMME_READ,
  },
  // Relationship check-ins: programme office (admin), the supplier's and the council's halves.
  {
    route: 'GET /programme/check-ins',
    path: () => '/programme/check-ins',
    expect: REVIEW_READ,
  },
  {
    route: 'POST /programme/check-ins',
    path: () => '/programme/check-ins',
    body: { organisationId: '', dueOn: 'soon' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'GET /programme/check-ins/:id',
    path: (f) => `/programme/check-ins/${f.checkInA}`,
    expect: REVIEW_READ,
  },
  {
    route: 'POST /programme/check-ins/:id/answers',
    path: (f) => `/programme/check-ins/${f.checkInA}/answers`,
    body: { 'score-clarity': '9' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'GET /supplier/check-ins',
    path: () => '/supplier/check-ins',
    expect: ANY_SUPPLIER,
  },
  {
    route: 'GET /supplier/check-ins/:id',
    path: (f) => `/supplier/check-ins/${f.checkInA}`,
    expect: SUPPLIER_A_ONLY,
  },
  {
    route: 'POST /supplier/check-ins/:id/answers',
    path: (f) => `/supplier/check-ins/${f.checkInA}/answers`,
    body: { 'score-clarity': '9' },
    expect: { anonymous: 303, supplierA: 400, supplierB: 404, otherwise: 403 },
  },
  {
    route: 'GET /council/check-ins',
    path: () => '/council/check-ins',
    expect: { anonymous: 303, councilX: 200, councilY: 200, otherwise: 403 },
  },
  {
    route: 'GET /council/check-ins/:id',
    path: (f) => `/council/check-ins/${f.checkInX}`,
    expect: COUNCIL_X_ONLY,
  },
  {
    route: 'POST /council/check-ins/:id/answers',
    path: (f) => `/council/check-ins/${f.checkInX}/answers`,
    body: { 'score-clarity': '9' },
    expect: { anonymous: 303, councilX: 400, councilY: 404, otherwise: 403 },
  },
  // Developer toolkits: suppliers read published releases and download; the programme
  // office sees drafts and download counts; the admin adds releases and files, publishes.
  { route: 'GET /supplier/toolkits', path: () => '/supplier/toolkits', expect: ANY_SUPPLIER },
  {
    route: 'GET /supplier/toolkits/:id',
    path: (f) => `/supplier/toolkits/${f.toolkitId}`,
    expect: ANY_SUPPLIER,
  },
  {
    route: 'GET /supplier/toolkits/:id/releases/:releaseId/files/:fileId',
    path: (f) =>
      `/supplier/toolkits/${f.toolkitId}/releases/${f.toolkitReleaseId}/files/${f.toolkitFileId}`,
    expect: ANY_SUPPLIER,
  },
  { route: 'GET /programme/toolkits', path: () => '/programme/toolkits', expect: REVIEW_READ },
  {
    route: 'GET /programme/toolkits/:id',
    path: (f) => `/programme/toolkits/${f.toolkitId}`,
    expect: REVIEW_READ,
  },
  {
    route: 'GET /programme/toolkits/:id/releases/:releaseId/files/:fileId',
    path: (f) =>
      `/programme/toolkits/${f.toolkitId}/releases/${f.toolkitReleaseId}/files/${f.toolkitFileId}`,
    expect: REVIEW_READ,
  },
  {
    route: 'GET /programme/toolkits/:id/releases/new',
    path: (f) => `/programme/toolkits/${f.toolkitId}/releases/new`,
    expect: REVIEW_READ,
  },
  {
    route: 'POST /programme/toolkits/:id/releases',
    path: (f) => `/programme/toolkits/${f.toolkitId}/releases`,
    body: { version: '' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'GET /programme/toolkits/:id/releases/:releaseId/files/new',
    path: (f) => `/programme/toolkits/${f.toolkitId}/releases/${f.toolkitDraftId}/files/new`,
    expect: REVIEW_READ,
  },
  {
    route: 'POST /programme/toolkits/:id/releases/:releaseId/files',
    path: (f) => `/programme/toolkits/${f.toolkitId}/releases/${f.toolkitDraftId}/files`,
    body: { name: '.hidden', contentType: 'text/csv', content: 'a' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'POST /programme/toolkits/:id/releases/:releaseId/publish',
    path: (f) => `/programme/toolkits/${f.toolkitId}/releases/${f.toolkitDraftId}/publish`,
    expect: { anonymous: 303, admin: 409, otherwise: 403 },
  },
  // Programme office: the risk register and the product comparison.
  {
    route: 'GET /programme/risks',
    path: () => '/programme/risks?status=assessed',
    expect: PROGRAMME_READ,
  },
  { route: 'GET /programme/risks/new', path: () => '/programme/risks/new', expect: ADMIN_PAGE },
  {
    route: 'POST /programme/risks',
    path: () => '/programme/risks',
    body: { kind: 'risk', title: '' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'GET /programme/risks/:id',
    path: (f) => `/programme/risks/${f.riskId}`,
    expect: PROGRAMME_READ,
  },
  {
    route: 'GET /programme/risks/:id/edit',
    path: (f) => `/programme/risks/${f.riskId}/edit`,
    expect: ADMIN_PAGE,
  },
  {
    route: 'POST /programme/risks/:id',
    path: (f) => `/programme/risks/${f.riskId}`,
    body: { title: '' },
    expect: REVIEW_WRITE,
  },
  // Governance (programme office, suppliers, councils) and the decision log.
  {
    route: 'GET /programme/governance',
    path: () => '/programme/governance',
    expect: PROGRAMME_READ,
  },
  {
    route: 'GET /programme/governance/groups/:id',
    path: (f) => `/programme/governance/groups/${f.govGroup}`,
    expect: PROGRAMME_READ,
  },
  {
    route: 'GET /programme/governance/groups/:id/meetings/new',
    path: (f) => `/programme/governance/groups/${f.govGroup}/meetings/new`,
    expect: REVIEW_READ,
  },
  {
    route: 'POST /programme/governance/groups/:id/meetings',
    path: (f) => `/programme/governance/groups/${f.govGroup}/meetings`,
    body: { title: '', date: 'soon' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'GET /programme/governance/meetings/:id',
    path: (f) => `/programme/governance/meetings/${f.govMeeting}`,
    expect: PROGRAMME_READ,
  },
  {
    route: 'POST /programme/governance/meetings/:id/minutes',
    path: (f) => `/programme/governance/meetings/${f.govMeeting}/minutes`,
    body: { minutes: 'Matrix', version: '0' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'POST /programme/governance/meetings/:id/actions',
    path: (f) => `/programme/governance/meetings/${f.govMeeting}/actions`,
    body: { title: '', owner: '', dueDate: 'never' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'POST /programme/governance/meetings/:id/actions/:actionId/status',
    path: (f) => `/programme/governance/meetings/${f.govMeeting}/actions/${f.govAction}/status`,
    body: { status: 'maybe', version: '1' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'GET /programme/decisions',
    path: () => '/programme/decisions?q=checker',
    expect: PROGRAMME_READ,
  },
  {
    route: 'GET /programme/decisions/new',
    path: () => '/programme/decisions/new',
    expect: REVIEW_READ,
  },
  {
    route: 'POST /programme/decisions',
    path: () => '/programme/decisions',
    body: { title: '' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'POST /programme/risks/:id/reviews',
    path: (f) => `/programme/risks/${f.riskId}/reviews`,
    body: { note: '', version: '1' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'POST /programme/risks/:id/transitions',
    path: (f) => `/programme/risks/${f.riskId}/transitions`,
    body: { to: 'nowhere', version: '1' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'POST /programme/risks/:id/realise',
    path: (f) => `/programme/risks/${f.riskId}/realise`,
    body: { issueTitle: 'x'.repeat(201), version: '1' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'POST /programme/risks/:id/actions',
    path: (f) => `/programme/risks/${f.riskId}/actions`,
    body: { actionTitle: 'Page matrix action', dueDate: '31/12/2026' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'POST /programme/risks/:id/actions/:actionId',
    path: (f) => `/programme/risks/${f.riskId}/actions/${f.riskActionId}`,
    body: { status: 'finished', version: '1' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'GET /programme/comparison',
    path: () => '/programme/comparison',
    expect: PROGRAMME_READ,
  },
  {
    route: 'GET /programme/comparison/:serviceId',
    path: (f) => `/programme/comparison/${f.serviceId}`,
    expect: PROGRAMME_READ,
  },
  // Supplier communications inbox (the fixture asks for no acknowledgement: 409 for A).
  {
    route: 'GET /supplier/communications',
    path: () => '/supplier/communications',
    expect: ANY_SUPPLIER,
  },
  {
    route: 'GET /supplier/communications/:id',
    path: (f) => `/supplier/communications/${f.inboxCommunicationA}`,
    expect: SUPPLIER_A_ONLY,
  },
  {
    route: 'POST /supplier/communications/:id/acknowledge',
    path: (f) => `/supplier/communications/${f.inboxCommunicationA}/acknowledge`,
    expect: { anonymous: 303, supplierA: 409, supplierB: 404, otherwise: 403 },
  },
  // Supplier contacts and their topics.
  { route: 'GET /supplier/contacts', path: () => '/supplier/contacts', expect: ANY_SUPPLIER },
  {
    route: 'GET /supplier/contacts/new',
    path: () => '/supplier/contacts/new',
    expect: ANY_SUPPLIER,
  },
  {
    route: 'POST /supplier/contacts',
    path: () => '/supplier/contacts',
    body: { name: '' },
    expect: { anonymous: 303, supplierA: 400, supplierB: 400, otherwise: 403 },
  },
  {
    route: 'GET /supplier/contacts/:id/edit',
    path: (f) => `/supplier/contacts/${f.inboxContactA}/edit`,
    expect: SUPPLIER_A_ONLY,
  },
  {
    route: 'POST /supplier/contacts/:id',
    path: (f) => `/supplier/contacts/${f.inboxContactA}`,
    body: { name: '' },
    expect: { anonymous: 303, supplierA: 400, supplierB: 404, otherwise: 403 },
  },
  {
    route: 'POST /supplier/contacts/:id/deactivate',
    path: (f) => `/supplier/contacts/${f.inboxContactA}/deactivate`,
    expect: { anonymous: 303, supplierA: 303, supplierB: 404, otherwise: 403 },
  },
  {
    route: 'POST /supplier/contacts/:id/reactivate',
    path: (f) => `/supplier/contacts/${f.inboxContactA}/reactivate`,
    expect: { anonymous: 303, supplierA: 303, supplierB: 404, otherwise: 403 },
  },
  {
    route: 'GET /programme/decisions/:id',
    path: (f) => `/programme/decisions/${f.govDecision}`,
    expect: PROGRAMME_READ,
  },
  {
    route: 'POST /programme/decisions/:id/accept',
    path: (f) => `/programme/decisions/${f.govDecision}/accept`,
    body: { version: '0' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'POST /programme/decisions/:id/revoke',
    path: (f) => `/programme/decisions/${f.govDecision}/revoke`,
    body: { reason: '', version: '1' },
    expect: REVIEW_WRITE,
  },
  { route: 'GET /supplier/governance', path: () => '/supplier/governance', expect: ANY_SUPPLIER },
  {
    route: 'GET /supplier/governance/groups/:id',
    path: (f) => `/supplier/governance/groups/${f.govGroup}`,
    expect: SUPPLIER_A_ONLY,
  },
  {
    route: 'GET /supplier/governance/meetings/:id',
    path: (f) => `/supplier/governance/meetings/${f.govMeeting}`,
    expect: SUPPLIER_A_ONLY,
  },
  {
    route: 'GET /supplier/governance/decisions/:id',
    path: (f) => `/supplier/governance/decisions/${f.govDecision}`,
    expect: SUPPLIER_A_ONLY,
  },
  { route: 'GET /council/governance', path: () => '/council/governance', expect: ANY_COUNCIL },
  {
    route: 'GET /council/governance/groups/:id',
    path: (f) => `/council/governance/groups/${f.govGroup}`,
    expect: COUNCIL_X_ONLY,
  },
  {
    route: 'GET /council/governance/meetings/:id',
    path: (f) => `/council/governance/meetings/${f.govMeeting}`,
    expect: COUNCIL_X_ONLY,
  },
  {
    route: 'GET /council/governance/decisions/:id',
    path: (f) => `/council/governance/decisions/${f.govDecision}`,
    expect: COUNCIL_X_ONLY,
  },
  // Critical dates and readiness; the tested-together matrix.
  { route: 'GET /programme/readiness', path: () => '/programme/readiness', expect: PROGRAMME_READ },
  {
    route: 'GET /programme/readiness/:id',
    path: (f) => `/programme/readiness/${f.criticalDate}?nation=England`,
    expect: PROGRAMME_READ,
  },
  { route: 'GET /council/readiness', path: () => '/council/readiness', expect: ANY_COUNCIL },
  { route: 'GET /programme/interop', path: () => '/programme/interop', expect: PROGRAMME_READ },
  {
    route: 'GET /programme/interop/standards/:id',
    path: (f) => `/programme/interop/standards/${f.interopStandard}`,
    expect: PROGRAMME_READ,
  },
  {
    route: 'GET /programme/interop/tests/:id',
    path: (f) => `/programme/interop/tests/${f.interopTest}`,
    expect: PROGRAMME_READ,
  },
  // Programme office acts on a council's adoptions (issue 18, "Councils").
  {
    route: 'GET /programme/councils/:id/adoptions/:adoptionId',
    path: (f) => `/programme/councils/${f.councilX}/adoptions/${f.adoptionX}`,
    expect: PROGRAMME_READ,
  },
  {
    route: 'POST /programme/councils/:id/adoptions/:adoptionId/stage',
    path: (f) => `/programme/councils/${f.councilX}/adoptions/${f.adoptionX}/stage`,
    body: { to: 'nowhere', version: '1' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'POST /programme/councils/:id/adoptions/:adoptionId/steps/:stepId',
    path: (f) => `/programme/councils/${f.councilX}/adoptions/${f.adoptionX}/steps/${f.stepId}`,
    body: { done: 'true' },
    expect: { anonymous: 303, admin: 303, otherwise: 403 },
  },
  // Catalogue (issue 18): services and graph, shared services, requirement sets, standards.
  { route: 'GET /programme/catalogue', path: () => '/programme/catalogue', expect: PROGRAMME_READ },
  {
    route: 'GET /programme/catalogue/services/:id',
    path: (f) => `/programme/catalogue/services/${f.serviceId}`,
    expect: PROGRAMME_READ,
  },
  {
    route: 'GET /programme/catalogue/shared-services',
    path: () => '/programme/catalogue/shared-services',
    expect: PROGRAMME_READ,
  },
  {
    route: 'GET /programme/catalogue/shared-services/:id',
    path: (f) => `/programme/catalogue/shared-services/${f.catSharedService}`,
    expect: PROGRAMME_READ,
  },
  {
    route: 'GET /programme/catalogue/standards',
    path: () => '/programme/catalogue/standards',
    expect: PROGRAMME_READ,
  },
  {
    route: 'GET /programme/catalogue/standards/:id',
    path: (f) => `/programme/catalogue/standards/${f.interopStandard}`,
    expect: PROGRAMME_READ,
  },
  {
    route: 'POST /programme/catalogue/standards/:id/validate',
    path: (f) => `/programme/catalogue/standards/${f.interopStandard}/validate`,
    body: { sample: '{' },
    expect: { anonymous: 303, admin: 400, agency: 400, otherwise: 403 },
  },
  {
    route: 'GET /programme/catalogue/requirement-sets/:id',
    path: (f) => `/programme/catalogue/requirement-sets/${f.catDraftSet}`,
    expect: PROGRAMME_READ,
  },
  {
    // The service has a draft already: the admin is sent to it.
    route: 'POST /programme/catalogue/requirement-sets/:id/new-version',
    path: (f) => `/programme/catalogue/requirement-sets/${f.catPublishedSet}/new-version`,
    expect: { anonymous: 303, admin: 303, otherwise: 403 },
  },
  {
    route: 'POST /programme/catalogue/requirement-sets/:id/import',
    path: (f) => `/programme/catalogue/requirement-sets/${f.catDraftSet}/import`,
    body: { csv: '' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'GET /programme/catalogue/requirement-sets/:id/publish',
    path: (f) => `/programme/catalogue/requirement-sets/${f.catDraftSet}/publish`,
    expect: ADMIN_PAGE,
  },
  {
    route: 'POST /programme/catalogue/requirement-sets/:id/publish',
    path: (f) => `/programme/catalogue/requirement-sets/${f.catDraftSet}/publish`,
    body: { effectiveDate: '' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'GET /programme/catalogue/requirement-sets/:id/requirements/new',
    path: (f) => `/programme/catalogue/requirement-sets/${f.catDraftSet}/requirements/new`,
    expect: ADMIN_PAGE,
  },
  {
    route: 'POST /programme/catalogue/requirement-sets/:id/requirements',
    path: (f) => `/programme/catalogue/requirement-sets/${f.catDraftSet}/requirements`,
    body: { code: '', title: '', level: '' },
    expect: REVIEW_WRITE,
  },
  {
    route: 'GET /programme/catalogue/requirement-sets/:id/requirements/:code/edit',
    path: (f) => `/programme/catalogue/requirement-sets/${f.catDraftSet}/requirements/PMX-001/edit`,
    expect: ADMIN_PAGE,
  },
  {
    route: 'POST /programme/catalogue/requirement-sets/:id/requirements/:code',
    path: (f) => `/programme/catalogue/requirement-sets/${f.catDraftSet}/requirements/PMX-001`,
    body: { title: '' },
    expect: REVIEW_WRITE,
  },
  {
    // A code the draft does not hold: nothing is removed.
    route: 'POST /programme/catalogue/requirement-sets/:id/requirements/:code/remove',
    path: (f) =>
      `/programme/catalogue/requirement-sets/${f.catDraftSet}/requirements/PMX-404/remove`,
    expect: { anonymous: 303, admin: 404, otherwise: 403 },
  },
  // Last: it ends the principal's session.
  { route: 'POST /sign-out', path: () => '/sign-out', expect: { otherwise: 303 } },
];
