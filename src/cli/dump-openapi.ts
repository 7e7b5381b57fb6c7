import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { createApi } from '../app/bootstrap.js';
import { buildOpenApiDocument } from '../app/openapi.js';
import { loadConfig } from '../config/app-config.js';

/**
 * Writes the OpenAPI document the api serves at /docs-json to a file (default
 * openapi.json), built from the app without listening: `npm run lint:api` lints it and
 * generates the typed client from it.
 */
async function main(): Promise<void> {
  const out = process.argv[2] ?? 'openapi.json';
  const { app } = await createApi(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }));
  try {
    writeFileSync(out, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
    console.log(`wrote ${out}`);
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
