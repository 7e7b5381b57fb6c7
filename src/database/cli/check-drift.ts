import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../config/app-config.js';
import { buildDataSourceOptions } from '../data-source-options.js';
import { createDatabase, dropDatabase, withDatabase } from '../database-admin.js';

/**
 * Drift check (CI): migrate a scratch database, then ask TypeORM what a generated
 * migration would contain. Anything at all means entities and migrations disagree.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env, ['DATABASE_URL', 'DATABASE_POOL_SIZE']);
  const url = withDatabase(config.DATABASE_URL, `ptrack_drift_${process.pid}_${Date.now()}`);
  await createDatabase(url);
  const db = new DataSource(buildDataSourceOptions({ ...config, DATABASE_URL: url }));
  try {
    await db.initialize();
    await db.runMigrations();
    const sql = await db.driver.createSchemaBuilder().log();
    if (sql.upQueries.length > 0) {
      console.error('Entities and migrations have drifted. A new migration would run:');
      for (const q of sql.upQueries) console.error(`  ${q.query}`);
      console.error('Run: npm run migration:generate -- migrations/<name>');
      process.exitCode = 1;
    } else {
      console.log(`drift check: ${db.migrations.length} migration(s), schema matches the entities`);
    }
  } finally {
    if (db.isInitialized) await db.destroy();
    await dropDatabase(url);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
