import { every, type MatrixModule, statuses } from '../support/access-matrix.js';
import { insertProduct } from '../support/programme-fixtures.js';
import { isSupplierB, READERS_OF_A_DRAFT, WRITERS_OF_A } from './products.matrix.js';

/** Submissions are for programme staff and the owning supplier; councils and agencies get 403. */
const SUBMISSION_READERS = {
  admin: 200,
  viewer: 200,
  supplierA: 200,
  supplierAToken: 200,
  supplierB: 404,
};
const ADMIN_ONLY = statuses({ admin: 400 });
const BASE = '/api/v1/conformance-submissions';

/**
 * Conformance (issue 5): supplier B cannot read or change supplier A's submissions,
 * evidence, samples or unpublished evaluations; councils read certificates of published
 * products; only programme admins review, decide, revoke and record evaluations.
 */
export const conformanceMatrix: MatrixModule = {
  async setup({ api, p, fixtures }) {
    const post = (url: string, bearer: string | null, body: object) =>
      api.http().post(url).set('authorization', `Bearer ${bearer}`).send(body);
    const sub = await post(BASE, p.supplierA.bearer, {
      productId: fixtures.productA,
      serviceId: fixtures.admissionsId,
    });
    fixtures.submissionA = sub.body.id;
    const published = await insertProduct(api.db, {
      supplierId: p.supplierA.organisationId!,
      serviceId: fixtures.admissionsId,
      certificate: 'valid',
    });
    fixtures.certificateA = published.certificateId!;
    const evaluation = await post('/api/v1/usability-evaluations', p.admin.bearer, {
      productId: fixtures.productA,
      susScore: 71.5,
      taskCompletionPercent: 88,
      wcagLevel: 'AA',
      evaluatedOn: '2026-10-01',
      reportUrl: 'https://reports.example/matrix.pdf',
    });
    fixtures.evaluationA = evaluation.body.id;
  },
  cases: [
    {
      route: `GET ${BASE}`,
      path: () => `${BASE}?limit=1`,
      expect: statuses({ ...SUBMISSION_READERS, supplierB: 200 }),
    },
    {
      route: `POST ${BASE}`,
      path: () => BASE,
      body: () => ({ productId: 'nope' }),
      expect: statuses({ admin: 400, supplierA: 400, supplierAToken: 400, supplierB: 400 }),
    },
    ...['', '/items', '/samples', '/history'].map((suffix) => ({
      route: `GET ${BASE}/:id${suffix}`,
      path: ({ fixtures }: { fixtures: Record<string, string> }) =>
        `${BASE}/${fixtures.submissionA}${suffix}`,
      expect: statuses(SUBMISSION_READERS),
    })),
    {
      route: `GET ${BASE}/:id/snapshot`,
      label: 'a draft has no snapshot yet: 404 even for its readers',
      path: ({ fixtures }) => `${BASE}/${fixtures.submissionA}/snapshot`,
      expect: statuses({
        ...SUBMISSION_READERS,
        admin: 404,
        viewer: 404,
        supplierA: 404,
        supplierAToken: 404,
      }),
    },
    {
      route: `PUT ${BASE}/:id/items`,
      path: ({ fixtures }) => `${BASE}/${fixtures.submissionA}/items`,
      body: (_, who) =>
        isSupplierB(who.name)
          ? { version: 1, items: [{ code: 'ADM-001', selfAssessment: 'meets' }] }
          : { version: 1, items: [] },
      expect: statuses(WRITERS_OF_A),
    },
    {
      route: `POST ${BASE}/:id/samples`,
      path: ({ fixtures }) => `${BASE}/${fixtures.submissionA}/samples`,
      body: (_, who) =>
        isSupplierB(who.name)
          ? {
              version: 1,
              standardId: '00000000-0000-4000-8000-000000000000',
              label: 'x',
              payload: {},
            }
          : { version: 1 },
      expect: statuses(WRITERS_OF_A),
    },
    {
      route: `DELETE ${BASE}/:id/samples/:sampleId`,
      path: ({ fixtures }) =>
        `${BASE}/${fixtures.submissionA}/samples/00000000-0000-4000-8000-000000000000`,
      body: (_, who) => (isSupplierB(who.name) ? { version: 1 } : { version: 0 }),
      expect: statuses(WRITERS_OF_A),
    },
    {
      route: `POST ${BASE}/:id/submit`,
      path: ({ fixtures }) => `${BASE}/${fixtures.submissionA}/submit`,
      body: (_, who) => (isSupplierB(who.name) ? { version: 1 } : { version: 0 }),
      expect: statuses(WRITERS_OF_A),
    },
    {
      route: `POST ${BASE}/:id/claim`,
      path: ({ fixtures }) => `${BASE}/${fixtures.submissionA}/claim`,
      body: () => ({ version: 0 }),
      expect: ADMIN_ONLY,
    },
    {
      route: `PUT ${BASE}/:id/verdicts`,
      path: ({ fixtures }) => `${BASE}/${fixtures.submissionA}/verdicts`,
      body: () => ({ version: 0 }),
      expect: ADMIN_ONLY,
    },
    {
      route: `POST ${BASE}/:id/decision`,
      path: ({ fixtures }) => `${BASE}/${fixtures.submissionA}/decision`,
      body: () => ({ version: 1, result: 'bogus', reason: 'x' }),
      expect: ADMIN_ONLY,
    },
    {
      route: 'GET /api/v1/certificates',
      path: () => '/api/v1/certificates?limit=1',
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/certificates/:id',
      label: "supplier A's certificate on a published product",
      path: ({ fixtures }) => `/api/v1/certificates/${fixtures.certificateA}`,
      expect: statuses({ ...every(200), supplierB: 404 }),
    },
    {
      route: 'POST /api/v1/certificates/:id/revoke',
      path: ({ fixtures }) => `/api/v1/certificates/${fixtures.certificateA}/revoke`,
      body: () => ({ version: 1 }),
      expect: ADMIN_ONLY,
    },
    {
      route: 'GET /api/v1/usability-evaluations',
      path: () => '/api/v1/usability-evaluations?limit=1',
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/usability-evaluations/:id',
      label: "an unpublished evaluation of supplier A's product",
      path: ({ fixtures }) => `/api/v1/usability-evaluations/${fixtures.evaluationA}`,
      expect: statuses(READERS_OF_A_DRAFT),
    },
    {
      route: 'POST /api/v1/usability-evaluations',
      path: () => '/api/v1/usability-evaluations',
      body: () => ({ susScore: 101 }),
      expect: ADMIN_ONLY,
    },
    {
      route: 'PATCH /api/v1/usability-evaluations/:id',
      path: ({ fixtures }) => `/api/v1/usability-evaluations/${fixtures.evaluationA}`,
      body: () => ({ version: 1, susScore: 101 }),
      expect: ADMIN_ONLY,
    },
    {
      route: 'POST /api/v1/usability-evaluations/:id/publish',
      path: ({ fixtures }) => `/api/v1/usability-evaluations/${fixtures.evaluationA}/publish`,
      body: () => ({ version: 0 }),
      expect: ADMIN_ONLY,
    },
    {
      route: 'POST /api/v1/usability-evaluations/:id/reply',
      path: ({ fixtures }) => `/api/v1/usability-evaluations/${fixtures.evaluationA}/reply`,
      body: (_, who) =>
        isSupplierB(who.name) ? { version: 1, reply: 'Not fair' } : { version: 1 },
      expect: statuses(WRITERS_OF_A),
    },
    {
      route: 'GET /api/v1/services/:id/product-comparison',
      path: ({ fixtures }) => `/api/v1/services/${fixtures.admissionsId}/product-comparison`,
      expect: statuses(every(200)),
    },
  ],
};
