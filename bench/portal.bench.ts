import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createDatabase, dropDatabase, withDatabase } from '../src/database/database-admin.js';
import type { BenchRow } from './bench-result.js';
import { growTenfold } from './adoption.bench.js';
import { measure, type ServerProcess, startServer } from './http-load.js';

const DEMO_PASSWORD = 'benchmark-demo-password';
const COUNCIL = 'council.e09000001@councils.example';
const ADMIN = 'admin@programme.example';
/** The programme's rollout dashboard page: server CPU per request within 1.5× the JSON's. */
const DASHBOARD_TARGET = 1.5;
/** What Chromium sends: the dashboard page is measured as a browser asks for it. */
const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';
const ROUND_SECONDS = 5;
const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * What a page costs beside the JSON it shows: the council home page ("Your services",
 * rendered with Nunjucks from the council status, session cookie, CSRF token, i18n) and
 * GET /api/v1/councils/{id}/status for the same council, in the same run, on the api
 * (`node dist/src/main.js`, production mode) over the seeded demo programme. No target.
 * Then, at ×10 (1,740 councils), the programme's rollout dashboard page beside
 * GET /api/v1/dashboards/adoption, both asked with a browser's Accept-Encoding: the page's
 * server CPU per request should stay within 1.5× the JSON's. A last row shows the page
 * asked without Accept-Encoding (every byte written as it is), for comparison.
 */
export async function run(): Promise<BenchRow[]> {
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ptrack';
  const databaseUrl = withDatabase(base, `ptrack_bench_portal_${process.pid}`);
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `{ptrack-bench-portal-${process.pid}}`,
    JWT_SECRET: process.env.JWT_SECRET ?? 'benchmark-only-secret-0123456789abcdef',
    SESSION_SECRET: 'benchmark-only-session-secret-0123456789',
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
    const api = await startServer(path('../src/main.js'), env, '/health/live');
    try {
      const db = new pg.Client({ connectionString: databaseUrl });
      await db.connect();
      const [{ id: councilId }] = (
        await db.query(`SELECT id FROM organisations WHERE gss_code = 'E09000001'`)
      ).rows as { id: string }[];
      const cookie = await pageSession(api, COUNCIL);
      const bearer = await token(api, COUNCIL);
      const page = await measure('portal: council home page (HTML)', `${api.url}/council`, {
        headers: { cookie },
        server: api,
      });
      const json = await measure(
        'portal: council status JSON (api)',
        `${api.url}/api/v1/councils/${councilId}/status`,
        { headers: { authorization: `Bearer ${bearer}` }, server: api },
      );
      page.note = [page.note, `${(page.reqPerSec / json.reqPerSec).toFixed(2)}× the JSON`]
        .filter(Boolean)
        .join('; ');
      await growTenfold(db);
      const [{ n }] = (
        await db.query(`SELECT count(*)::int AS n FROM organisations WHERE type = 'COUNCIL'`)
      ).rows as { n: number }[];
      await db.end();
      const adminCookie = await pageSession(api, ADMIN);
      const adminBearer = await token(api, ADMIN);
      // Page and JSON measured alternately, twice each, so a change in the machine's load
      // during the run falls on both.
      const [dashboard, dashboardJson] = await alternately(2, [
        () =>
          measure(
            `portal: rollout dashboard page (HTML), ${n} councils`,
            `${api.url}/programme/dashboard`,
            {
              headers: { cookie: adminCookie, 'accept-encoding': BROWSER_ENCODINGS },
              seconds: ROUND_SECONDS,
              server: api,
            },
          ),
        () =>
          measure(
            `portal: adoption dashboard JSON (api), ${n} councils`,
            `${api.url}/api/v1/dashboards/adoption`,
            {
              headers: {
                authorization: `Bearer ${adminBearer}`,
                'accept-encoding': BROWSER_ENCODINGS,
              },
              seconds: ROUND_SECONDS,
              server: api,
            },
          ),
      ]);
      const uncompressed = await measure(
        `portal: rollout dashboard page (HTML, no Accept-Encoding), ${n} councils`,
        `${api.url}/programme/dashboard`,
        { headers: { cookie: adminCookie }, server: api },
      );
      const cpu = (dashboard.cpuUsPerReq ?? NaN) / (dashboardJson.cpuUsPerReq ?? NaN);
      dashboard.note = [
        dashboard.note,
        `${(dashboard.reqPerSec / dashboardJson.reqPerSec).toFixed(2)}× the JSON's req/s`,
        `server CPU/req ${cpu.toFixed(2)}× the JSON's (${cpu <= DASHBOARD_TARGET ? 'meets' : 'ABOVE'} target ≤ ${DASHBOARD_TARGET})`,
      ]
        .filter(Boolean)
        .join('; ');
      const plainCpu = (uncompressed.cpuUsPerReq ?? NaN) / (dashboardJson.cpuUsPerReq ?? NaN);
      uncompressed.note = `server CPU/req ${plainCpu.toFixed(2)}× the JSON's (no target: browsers send Accept-Encoding)`;
      return [page, json, dashboard, dashboardJson, uncompressed];
    } finally {
      await api.stop();
    }
  } finally {
    await dropDatabase(databaseUrl);
  }
}

/**
 * Runs each measurement `rounds` times, in turn (a, b, a, b, …), and merges each one's
 * rounds: req/s and p50 averaged, p99 the worst, CPU per request weighted by requests.
 */
async function alternately(
  rounds: number,
  measurements: (() => Promise<BenchRow>)[],
): Promise<BenchRow[]> {
  const runs: BenchRow[][] = measurements.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (const [i, m] of measurements.entries()) runs[i].push(await m());
  }
  return runs.map((rows) => {
    const total = rows.reduce((sum, row) => sum + row.reqPerSec, 0);
    const cpu = rows.reduce((sum, row) => sum + (row.cpuUsPerReq ?? NaN) * row.reqPerSec, 0);
    return {
      name: rows[0].name,
      reqPerSec: Math.round(total / rows.length),
      p50Ms: rows.reduce((sum, row) => sum + row.p50Ms, 0) / rows.length,
      p99Ms: Math.max(...rows.map((row) => row.p99Ms)),
      cpuUsPerReq: Math.round(cpu / total),
      note:
        rows
          .map((row) => row.note)
          .filter(Boolean)
          .join('; ') || undefined,
    };
  });
}

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

/** Signs in through the sign-in form; returns the session cookie. */
async function pageSession(server: ServerProcess, email: string): Promise<string> {
  const form = await fetch(`${server.url}/sign-in`);
  const html = await form.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const res = await fetch(`${server.url}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieOf(form) },
    body: new URLSearchParams({ _csrf: csrf, email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 303) throw new Error(`page sign-in: ${res.status}`);
  return cookieOf(res);
}

async function token(server: ServerProcess, email: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}
