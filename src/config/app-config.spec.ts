import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { getMetadataStorage } from 'class-validator';
import { AppConfig, ConfigError, loadConfig } from './app-config.js';

const VALID = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/ptrack',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'a-secret-that-is-long-enough-0123456789',
  DATA_ENCRYPTION_KEY: 'an-encryption-key-that-is-long-enough-01',
};

/** The ConfigError message for `env`, or fails when the config loads. */
function configError(env: NodeJS.ProcessEnv, only?: (keyof AppConfig)[]): string {
  try {
    loadConfig(env, only);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('loads a valid environment, filling in defaults', () => {
    const config = loadConfig(VALID);
    expect(config).toBeInstanceOf(AppConfig);
    expect(config).toMatchObject({
      ...VALID,
      NODE_ENV: 'development',
      PORT: 3000,
      HOST: '0.0.0.0',
      DATABASE_POOL_SIZE: 10,
      QUEUE_PREFIX: '{ptrack}',
      JWT_TTL_SECONDS: 900,
      LOG_LEVEL: 'info',
      WORKER_CONCURRENCY: 20,
      SHUTDOWN_TIMEOUT_MS: 8000,
      OUTBOX_STALE_SECONDS: 60,
    });
    expect(config.DEMO_PASSWORD).toBeUndefined();
    expect(config.corsOrigins).toEqual([]);
  });

  it('converts numbers and splits CORS origins', () => {
    const config = loadConfig({
      ...VALID,
      PORT: '8080',
      WORKER_CONCURRENCY: '5',
      CORS_ORIGINS: 'https://a.example, https://b.example,',
    });
    expect(config.PORT).toBe(8080);
    expect(config.WORKER_CONCURRENCY).toBe(5);
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ ...VALID, PORT: '', LOG_LEVEL: '' })).toMatchObject({
      PORT: 3000,
      LOG_LEVEL: 'info',
    });
  });

  it.each(['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'DATA_ENCRYPTION_KEY'])(
    'names %s when it is missing',
    (name) => {
      const env: NodeJS.ProcessEnv = { ...VALID };
      delete env[name];
      expect(configError(env)).toMatch(new RegExp(`^  ${name}: missing$`, 'm'));
    },
  );

  it.each([
    ['DATABASE_URL', 'nonsense'],
    ['DATABASE_URL', 'postgres://127.0.0.1:5432'],
    ['REDIS_URL', 'http://127.0.0.1:6379'],
    ['JWT_SECRET', 'too-short'],
    ['QUEUE_PREFIX', 'ptrack'],
    ['PORT', '70000'],
    ['PORT', 'eighty'],
    ['NODE_ENV', 'staging'],
    ['LOG_LEVEL', 'loud'],
    ['SMTP_URL', 'mail.example:25'],
    ['WORKER_CONCURRENCY', '0'],
    ['SHUTDOWN_TIMEOUT_MS', '10'],
    ['DEMO_PASSWORD', 'short'],
  ])('names %s when it is %p', (name, value) => {
    const message = configError({ ...VALID, [name]: value });
    expect(message).toMatch(new RegExp(`^  ${name}: `, 'm'));
    expect(message.split('\n')).toHaveLength(2);
  });

  it('names every bad variable at once', () => {
    const message = configError({ REDIS_URL: 'nope', PORT: '-1' });
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'PORT']) {
      expect(message).toMatch(new RegExp(`^  ${name}: `, 'm'));
    }
  });

  it('validates only the variables asked for', () => {
    const config = loadConfig({ DATABASE_URL: VALID.DATABASE_URL }, ['DATABASE_URL']);
    expect(config.DATABASE_URL).toBe(VALID.DATABASE_URL);
    expect(configError({ DATABASE_URL: 'nonsense' }, ['DATABASE_URL'])).toMatch(
      /^Invalid configuration:\n {2}DATABASE_URL: DATABASE_URL must be a postgres:\/\/ URL/,
    );
  });
});

describe("README's configuration table", () => {
  it('lists every variable AppConfig reads, and no other', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.split('## Configuration')[1].split('\n## ')[0];
    const documented = new Set(
      section
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .flatMap((line) =>
          [...line.split('|')[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]),
        ),
    );
    // Every setting carries a validator; those with defaults are also own properties.
    const validated = getMetadataStorage()
      .getTargetValidationMetadatas(AppConfig, '', true, false)
      .map((m) => m.propertyName);
    const read = [...new Set([...Object.keys(new AppConfig()), ...validated])].filter((k) =>
      /^[A-Z][A-Z0-9_]+$/.test(k),
    );
    expect(read.filter((k) => !documented.has(k))).toEqual([]);
    expect([...documented].filter((k) => !read.includes(k))).toEqual([]);
  });
});
