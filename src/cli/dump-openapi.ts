import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { createApi } from '../app/bootstrap.js';
import { buildOpenApiDocument } from '../app/openapi.js';
import { loadConfig } from '../config/app-config.js';
import { createDatabase, dropDatabase, withDatabase } from '../database/database-admin.js';

/**
 * Writes the OpenAPI document the api serves at /docs-json to a file (default
 * openapi.json), built from the app without listening, on a scratch database that is
 * dropped after (the app connects while it is built). scripts/lint-api.sh lints it and
 * generates the typed client from it.
 */
async function main(): Promise<void> {
  const out = process.argv[2] ?? 'openapi.json';
  const env = { ...process.env, LOG_LEVEL: 'silent' };
  const url = withDatabase(
    loadConfig(env).DATABASE_URL,
    `ptrack_openapi_${process.pid}_${Date.now()}`,
  );
  await createDatabase(url);
  try {
    const { app } = await createApi(loadConfig({ ...env, DATABASE_URL: url }));
    try {
      writeFileSync(out, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
      console.log(`wrote ${out}`);
    } finally {
      await app.close();
    }
  } finally {
    await dropDatabase(url);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
