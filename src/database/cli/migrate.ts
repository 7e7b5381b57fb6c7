import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../config/app-config.js';
import { createDatabase } from '../database-admin.js';
import { buildDataSourceOptions } from '../data-source-options.js';

/** `migrate` (default): create the database if missing, run pending migrations. `revert`: undo the last one. */
async function main(): Promise<void> {
  const config = loadConfig(process.env, ['DATABASE_URL', 'DATABASE_POOL_SIZE']);
  const revert = process.argv.includes('revert');
  if (!revert && (await createDatabase(config.DATABASE_URL))) console.log('created database');
  const db = await new DataSource(buildDataSourceOptions(config)).initialize();
  try {
    if (revert) {
      await db.undoLastMigration({ transaction: 'each' });
      console.log('reverted the last migration');
    } else {
      const ran = await db.runMigrations({ transaction: 'each' });
      console.log(
        `migrations: ${ran.length} applied (${ran.map((m) => m.name).join(', ') || 'none pending'})`,
      );
    }
  } finally {
    await db.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
