import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '../../config/app-config.js';
import { SeedModule } from '../seed/seed.module.js';
import { SeedService } from '../seed/seed.service.js';

/**
 * `npm run seed`: reference data (councils) always, the demo programme when DEMO_PASSWORD
 * is set. Idempotent. `--if-empty` skips everything when the database already has data.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(SeedModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  try {
    const report = await app.get(SeedService).run({ ifEmpty: process.argv.includes('--if-empty') });
    console.log(`seed: ${report}`);
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
