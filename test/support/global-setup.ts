import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Redis } from 'ioredis';

/**
 * Once per test run: a fresh database, migrated by the real migration CLI (`npm test`
 * builds first), and a fresh queue prefix, on the servers named by DATABASE_URL /
 * REDIS_URL (scripts/services.sh sets them). The demo database is never touched.
 * Test files read the new values from process.env. (Jest loads this file outside its
 * module mapper, so it imports packages only.)
 */
export default async function globalSetup(): Promise<void> {
  if (!existsSync('dist/src/database/cli/migrate.js')) {
    throw new Error('dist/ is missing: run tests with `npm test` (it builds first)');
  }
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ptrack');
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect().finally(() => redis.disconnect());
  const runId = `${Date.now().toString(36)}_${process.pid}`;
  base.pathname = `/ptrack_test_${runId}`;
  const url = base.toString();
  const testEnv = {
    NODE_ENV: 'test',
    DATABASE_URL: url,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `{ptrack-test-${runId}}`,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    DATA_ENCRYPTION_KEY: 'test-encryption-key-test-encryption-key',
    SESSION_SECRET: 'test-session-secret-test-session-secret',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DEMO_PASSWORD: 'test-demo-password',
    OUTBOX_STALE_SECONDS: '1',
    TRUST_PROXY: 'true',
    LOGIN_RATE_PER_IP_PER_MINUTE: '10000',
    // Off by default: tests change users and tokens straight in the database and expect
    // the next request to see it; test/auth-principal-cache.e2e-spec.ts turns it on.
    AUTH_PRINCIPAL_CACHE_MS: '0',
  };
  const env = { ...process.env, ...testEnv };
  // The real CLIs: migrate, then seed reference data and the demo programme.
  execFileSync('node', ['dist/src/database/cli/migrate.js'], { env, stdio: 'pipe' });
  execFileSync('node', ['dist/src/database/cli/seed.js'], { env, stdio: 'pipe' });

  Object.assign(process.env, testEnv);
}
