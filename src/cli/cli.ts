import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { UsersService } from '../auth/users.service.js';
import { loadConfig } from '../config/app-config.js';
import { demoAccounts } from '../database/seed/demo-accounts.js';
import { SeedModule } from '../database/seed/seed.module.js';
import { PROGRAMME_OFFICE } from '../organisations/demo-suppliers.js';

const USAGE = `usage:
  npm run cli -- create-admin --email EMAIL [--name NAME]   (password: ADMIN_PASSWORD or first line of stdin)
  npm run cli -- demo-accounts                              (the demo seed's sign-in emails)`;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line.trim();
  }
  return '';
}

async function main(): Promise<void> {
  const command = process.argv[2];
  if (command !== 'create-admin' && command !== 'demo-accounts') throw new Error(USAGE);
  const app = await NestFactory.createApplicationContext(SeedModule.forRoot(loadConfig()), {
    logger: ['error', 'warn'],
  });
  try {
    const db = app.get<DataSource>(getDataSourceToken());
    if (command === 'demo-accounts') {
      for (const a of await demoAccounts(db.manager)) {
        console.log(`${a.role.padEnd(17)} ${a.email.padEnd(48)} ${a.organisation}`);
      }
      return;
    }
    const email = arg('email');
    if (!email) throw new Error(USAGE);
    const password = await readPassword();
    if (password.length < 12) throw new Error('The password must be at least 12 characters');
    await db.query(
      `INSERT INTO organisations (type, code, name) VALUES ('PROGRAMME_OFFICE', $1, $2)
       ON CONFLICT (code) WHERE code IS NOT NULL DO NOTHING`,
      [PROGRAMME_OFFICE.code, PROGRAMME_OFFICE.name],
    );
    const [office] = await db.query<{ id: string }[]>(
      `SELECT id FROM organisations WHERE code = $1`,
      [PROGRAMME_OFFICE.code],
    );
    const user = await app.get(UsersService).create(SYSTEM_ACTOR, {
      email,
      displayName: arg('name') ?? email,
      role: 'programme_admin',
      organisationId: office.id,
      password,
    });
    console.log(`created programme admin ${user.email} (${user.id})`);
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
