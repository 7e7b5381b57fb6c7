import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createDatabase, dropDatabase, withDatabase } from '../src/database/database-admin.js';
import type { BenchRow } from './bench-result.js';
import { measure, measureSpread, type ServerProcess, startServer } from './http-load.js';

const TARGET_RATIO = 0.6;
const TARGET_P99_GROWTH = 1.5;
const TARGET_RPS_KEPT = 0.9;
const TARGET_CPU_RATIO = 2;
const COPIES = 9;
const DEMO_PASSWORD = 'benchmark-demo-password';
const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * The national adoption dashboard, a council status view (City of London), the adoptions
 * and risks paged lists and the product comparison of the demo service with the most
 * products, over the
 * seeded programme (174 councils) and a synthetic ×10 programme (1,740 councils): the
 * api (`node dist/src/main.js`, authenticated as the demo admin and the council's user)
 * against a bare Fastify + pg server running the same statements, in the same run. Its
 * own scratch database is migrated, seeded with the demo programme, grown, then dropped.
 */
export async function run(): Promise<BenchRow[]> {
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ptrack';
  const databaseUrl = withDatabase(base, `ptrack_bench_adoption_${process.pid}`);
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `{ptrack-bench-adoption-${process.pid}}`,
    JWT_SECRET: process.env.JWT_SECRET ?? 'benchmark-only-secret-0123456789abcdef',
    DATA_ENCRYPTION_KEY:
      process.env.DATA_ENCRYPTION_KEY ?? 'benchmark-only-encryption-key-0123456789',
    DEMO_PASSWORD,
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
  };
  await createDatabase(databaseUrl);
  try {
    for (const cli of ['migrate', 'seed']) {
      execFileSync(process.execPath, [path(`../src/database/cli/${cli}.js`)], {
        env: { ...process.env, ...env },
        stdio: 'ignore',
      });
    }
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const api = await startServer(path('../src/main.js'), env, '/health/live');
    // A second api, idle until the replicas row.
    const second = await startServer(path('../src/main.js'), env, '/health/live');
    const bare = await startServer(
      path('./adoption-baseline.js'),
      { DATABASE_URL: databaseUrl },
      '/health/live',
    );
    try {
      const [{ id: councilId }] = (
        await db.query(`SELECT id FROM organisations WHERE gss_code = 'E09000001'`)
      ).rows as { id: string }[];
      // The demo service with the most products, for the product comparison.
      const [{ service_id: serviceId }] = (
        await db.query(
          `SELECT service_id FROM product_services GROUP BY service_id
            ORDER BY count(*) DESC, service_id LIMIT 1`,
        )
      ).rows as { service_id: string }[];
      const admin = await token(api, 'admin@programme.example');
      const council = await token(api, 'council.e09000001@councils.example');
      const rows: BenchRow[] = [];
      const round = async (scale: string) => {
        const [{ n }] = (
          await db.query(`SELECT count(*)::int AS n FROM organisations WHERE type = 'COUNCIL'`)
        ).rows as { n: number }[];
        const label = `${scale} (${n} councils)`;
        for (const [what, route, bearer] of [
          ['adoption dashboard', '/api/v1/dashboards/adoption', admin],
          ['council status', `/api/v1/councils/${councilId}/status`, council],
          ['adoptions paged list', '/api/v1/adoptions?limit=50', admin],
          ['product comparison', `/api/v1/services/${serviceId}/product-comparison`, admin],
          ['risks paged list', '/api/v1/risks?limit=50', admin],
        ] as const) {
          const viaApi = await measure(`${what} ${label}: api`, api.url + route, {
            headers: { authorization: `Bearer ${bearer}` },
            server: api,
          });
          const viaBare = await measure(`${what} ${label}: bare Fastify + pg`, bare.url + route, {
            server: bare,
          });
          const ratio = viaApi.reqPerSec / viaBare.reqPerSec;
          const cpu =
            viaApi.cpuUsPerReq && viaBare.cpuUsPerReq
              ? viaApi.cpuUsPerReq / viaBare.cpuUsPerReq
              : undefined;
          viaApi.note = join(
            viaApi.note,
            `${ratio.toFixed(2)}× bare (${ratio >= TARGET_RATIO ? 'meets' : 'BELOW'} target ≥ ${TARGET_RATIO})`,
            cpu === undefined
              ? undefined
              : `CPU ${cpu.toFixed(2)}× bare (${cpu <= TARGET_CPU_RATIO ? 'meets' : 'ABOVE'} target ≤ ${TARGET_CPU_RATIO})`,
            `api peak RSS ${api.peakRssMb() ?? '?'} MB`,
          );
          rows.push(viaApi, viaBare);
        }
      };
      await round('1×');
      await growTenfold(db);
      await round('10×');
      // Replicas: the same load over 1 then 2 api processes, on the national dashboard (the
      // api's own CPU is the limit there; the paged list is bound by PostgreSQL).
      try {
        const route = '/api/v1/dashboards/adoption';
        const headers = { authorization: `Bearer ${admin}` };
        const one = await measureSpread(
          'replicas: adoption dashboard, 1 api',
          [api],
          route,
          headers,
        );
        const two = await measureSpread(
          'replicas: adoption dashboard, 2 apis',
          [api, second],
          route,
          headers,
        );
        two.note = join(
          two.note,
          `${(two.reqPerSec / Math.max(one.reqPerSec, 1)).toFixed(2)}× 1 api`,
        );
        rows.push(one, two);
      } catch (err) {
        rows.push({ name: 'replicas', reqPerSec: 0, p50Ms: 0, p99Ms: 0, note: String(err) });
      }
      for (const what of ['adoption dashboard', 'council status']) {
        const [one, ten] = rows.filter((r) => r.name.startsWith(what) && r.name.endsWith(': api'));
        const growth = ten.p99Ms / Math.max(one.p99Ms, 1);
        const kept = ten.reqPerSec / Math.max(one.reqPerSec, 1);
        ten.note = join(
          ten.note,
          `p99 ${growth.toFixed(2)}× the 1× p99 (${growth <= TARGET_P99_GROWTH ? 'meets' : 'ABOVE'} target ≤ ${TARGET_P99_GROWTH})`,
          `req/s ${kept.toFixed(2)}× the 1× req/s (${kept >= TARGET_RPS_KEPT ? 'meets' : 'BELOW'} target ≥ ${TARGET_RPS_KEPT})`,
        );
      }
      return rows;
    } finally {
      await Promise.all([api.stop(), second.stop(), bare.stop()]);
      await db.end();
    }
  } finally {
    await dropDatabase(databaseUrl);
  }
}

const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join('; ');

async function token(server: ServerProcess, email: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/**
 * Nine synthetic copies of every real council (GSS-like codes `SYN<n>-<real code>`, names
 * marked "(synthetic n)", same region and nation), each with a copy of the original's
 * adoptions, shared-service memberships, history and variances: 1,740 councils in all.
 */
export async function growTenfold(db: pg.Client): Promise<void> {
  const synthetic = `FROM organisations syn
    JOIN organisations orig ON orig.gss_code = split_part(syn.gss_code, '-', 2)
   WHERE syn.gss_code LIKE 'SYN%'`;
  await db.query('BEGIN');
  await db.query(
    `INSERT INTO organisations (type, name, gss_code, council_type, region, nation)
     SELECT 'COUNCIL', o.name || ' (synthetic ' || c.n || ')', 'SYN' || c.n || '-' || o.gss_code,
            o.council_type, o.region, o.nation
       FROM organisations o CROSS JOIN generate_series(1, ${COPIES}) AS c(n)
      WHERE o.type = 'COUNCIL' AND o.gss_code NOT LIKE 'SYN%'`,
  );
  await db.query(
    `INSERT INTO shared_service_members (shared_service_id, council_id)
     SELECT m.shared_service_id, syn.id ${synthetic.replace('WHERE', 'JOIN shared_service_members m ON m.council_id = orig.id WHERE')}
     ON CONFLICT DO NOTHING`,
  );
  await db.query(
    `INSERT INTO adoptions (council_id, service_id, route_type, product_id, shared_service_id,
            stage, stage_entered_at, target_dates, go_live_date, notes, attention_required,
            attention_reason)
     SELECT syn.id, a.service_id, a.route_type, a.product_id, a.shared_service_id, a.stage,
            a.stage_entered_at, a.target_dates, a.go_live_date, a.notes, a.attention_required,
            a.attention_reason
       ${synthetic.replace('WHERE', 'JOIN adoptions a ON a.council_id = orig.id WHERE')}`,
  );
  const pairs = `${synthetic.replace(
    'WHERE',
    `JOIN adoptions a ON a.council_id = orig.id
     JOIN adoptions sa ON sa.council_id = syn.id AND sa.service_id = a.service_id WHERE`,
  )}`;
  await db.query(
    `INSERT INTO adoption_history (adoption_id, event, from_stage, to_stage, changes, note,
            actor_label, occurred_at)
     SELECT sa.id, h.event, h.from_stage, h.to_stage, h.changes, h.note, h.actor_label, h.occurred_at
       ${pairs.replace('WHERE', 'JOIN adoption_history h ON h.adoption_id = a.id WHERE')}`,
  );
  await db.query(
    `INSERT INTO local_variances (adoption_id, council_id, service_id, requirement_code,
            description, justification, expires_on, status, decision_reason, decided_at)
     SELECT sa.id, syn.id, v.service_id, v.requirement_code, v.description, v.justification,
            v.expires_on, v.status, v.decision_reason, v.decided_at
       ${pairs.replace('WHERE', 'JOIN local_variances v ON v.adoption_id = a.id WHERE')}`,
  );
  await db.query('COMMIT');
  await db.query('ANALYZE');
}
