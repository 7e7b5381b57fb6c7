import type { INestApplicationContext, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { FastifyInstance } from 'fastify';
import supertest from 'supertest';
import type { DataSource } from 'typeorm';
import { createApi, createWorker } from '../../src/app/bootstrap.js';
import { type AppConfig, loadConfig } from '../../src/config/app-config.js';
import { AuditCheck } from './audit-check.js';
import { ContractCheck } from './contract.js';

export interface TestApi {
  app: NestFastifyApplication;
  config: AppConfig;
  db: DataSource;
  http: () => supertest.Agent;
  close: () => Promise<void>;
}

/** The api built by the production bootstrap, on the run's database; env overrides allowed. */
export async function startTestApi(
  env: Record<string, string> = {},
  extraModules: Type[] = [],
  beforeInit?: (fastify: FastifyInstance) => void,
): Promise<TestApi> {
  const config = loadConfig({ ...process.env, ...env });
  const { app } = await createApi(config, extraModules);
  const auditCheck = new AuditCheck();
  auditCheck.attach(app.getHttpAdapter().getInstance());
  const contractCheck = new ContractCheck();
  contractCheck.attach(app.getHttpAdapter().getInstance());
  beforeInit?.(app.getHttpAdapter().getInstance());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const agent = supertest.agent(app.getHttpServer());
  const db = app.get<DataSource>(getDataSourceToken());
  // Suites share the run's database: a Welsh test in an earlier suite leaves its accounts'
  // language set to Welsh, and the next suite's sign-in would land in Welsh. Every suite
  // starts with the demo accounts in their default language (on the run's database; a fault
  // test's throwaway PostgreSQL has no tables).
  if (!env.DATABASE_URL) {
    await db.query(`UPDATE users SET preferred_language = NULL WHERE email LIKE '%.example'`);
  }
  return {
    app,
    config,
    db,
    http: () => agent,
    close: async () => {
      try {
        await auditCheck.verify(db);
        await contractCheck.verify(agent);
      } finally {
        await app.close();
      }
    },
  };
}

export async function startTestWorker(
  env: Record<string, string> = {},
  extraModules: Type[] = [],
): Promise<{
  app: INestApplicationContext;
  close: () => Promise<void>;
}> {
  const { app } = await createWorker(loadConfig({ ...process.env, ...env }), extraModules);
  await app.init();
  return { app, close: () => app.close() };
}
