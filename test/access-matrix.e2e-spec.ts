import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adoptionMatrix } from './access/adoption.matrix.js';
import { dashboardsMatrix } from './access/dashboards.matrix.js';
import { catalogueMatrix } from './access/catalogue.matrix.js';
import { communicationsMatrix } from './access/communications.matrix.js';
import { conformanceMatrix } from './access/conformance.matrix.js';
import { organisationsMatrix } from './access/organisations.matrix.js';
import { productsMatrix } from './access/products.matrix.js';
import { requirementsMatrix } from './access/requirements.matrix.js';
import { standardsMatrix } from './access/standards.matrix.js';
import { risksMatrix } from './access/risks.matrix.js';
import { benefitsMatrix } from './access/benefits.matrix.js';
import { decisionsMatrix } from './access/decisions.matrix.js';
import { governanceMatrix } from './access/governance.matrix.js';
import { checkInsMatrix } from './access/check-ins.matrix.js';
import { readinessMatrix } from './access/readiness.matrix.js';
import { interopMatrix } from './access/interop.matrix.js';
import { toolkitsMatrix } from './access/toolkits.matrix.js';
import type { MatrixContext, MatrixModule } from './support/access-matrix.js';
import { as, PRINCIPALS, signInAll } from './support/principals.js';
import { startTestApi, type TestApi } from './support/test-app.js';
import { PAGE_MATRIX } from './web/page.matrix.js';

/** Every module's slice of the matrix; a new module adds its file here. */
const MODULES: MatrixModule[] = [
  organisationsMatrix,
  catalogueMatrix,
  requirementsMatrix,
  standardsMatrix,
  productsMatrix,
  conformanceMatrix,
  risksMatrix,
  benefitsMatrix,
  decisionsMatrix,
  governanceMatrix,
  checkInsMatrix,
  readinessMatrix,
  interopMatrix,
  toolkitsMatrix,
  communicationsMatrix,
  adoptionMatrix,
  dashboardsMatrix,
];

/** Routes outside /api/v1 that are public by design. */
const PUBLIC_INFRA = /^(GET|HEAD) \/(health\/(live|ready)|docs.*)$/;
/** Portal pages: covered by their own matrix (test/web/page.matrix.ts). */
const PAGE_ROUTES = new Set(PAGE_MATRIX.map((c) => c.route));
/** The queue dashboard: every route behind its programme-admin check (see its cases). */
const ADMIN_INFRA = /^(GET|POST|PUT|PATCH|DELETE) \/admin\/queues(\/.*)?$/;

describe('authorization matrix: every route × every principal', () => {
  let api: TestApi;
  let ctx: MatrixContext;
  const routes: string[] = [];

  beforeAll(async () => {
    api = await startTestApi({}, [], (fastify) =>
      fastify.addHook('onRoute', (r) => {
        for (const m of [r.method].flat())
          if (m !== 'HEAD' && m !== 'OPTIONS') routes.push(`${m} ${r.url}`);
      }),
    );
    ctx = { api, p: await signInAll(api), fixtures: {} };
    for (const m of MODULES) await m.setup?.(ctx);
  });
  afterAll(() => api.close());

  it('has an entry for every route the router serves', () => {
    const covered = new Set(MODULES.flatMap((m) => m.cases.map((c) => c.route)));
    const missing = routes
      .filter((r) => r.startsWith('GET /api') || /^(POST|PUT|PATCH|DELETE|GET) \/api/.test(r))
      .filter((r) => !covered.has(r));
    expect(missing).toEqual([]);
    const unknown = [...covered].filter((r) => !routes.includes(r));
    expect(unknown).toEqual([]);
    expect(
      routes.filter(
        (r) =>
          !r.includes('/api/v1/') &&
          !PUBLIC_INFRA.test(r) &&
          !ADMIN_INFRA.test(r) &&
          !PAGE_ROUTES.has(r) &&
          !/^GET \/assets\//.test(r),
      ),
    ).toEqual([]);
  });

  it('gives every principal the declared status, and other tenants nothing', async () => {
    const mismatches: string[] = [];
    for (const c of MODULES.flatMap((m) => m.cases)) {
      const method = c.route.split(' ')[0].toLowerCase() as
        'get' | 'post' | 'put' | 'patch' | 'delete';
      for (const name of PRINCIPALS) {
        const who = ctx.p[name];
        const req = as(api, name === 'anonymous' ? null : who)[method](c.path(ctx, who));
        const res = await (c.body ? req.send(c.body(ctx, who)) : req);
        if (res.status !== c.expect[name]) {
          mismatches.push(
            `${c.route}${c.label ? ` [${c.label}]` : ''} as ${name}: expected ${c.expect[name]}, got ${res.status} ${res.body?.detail ?? ''}`,
          );
        }
        if (res.status === 404 || res.status === 403 || res.status === 401) {
          expect(Object.keys(res.body).sort()).toEqual([
            'code',
            'detail',
            'instance',
            'requestId',
            'status',
            'title',
            'type',
          ]);
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 240_000); // every api route × every principal: over a thousand requests
});
