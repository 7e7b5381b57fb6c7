import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidateBy,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

/** The value must be greater than another setting's (e.g. red threshold above amber). */
const IsAbove = (other: keyof AppConfig) =>
  ValidateBy({
    name: 'isAbove',
    validator: {
      validate: (value, args) => Number(value) > Number((args?.object as AppConfig)[other]),
      defaultMessage: (args) => `${args?.property} must be greater than ${other}`,
    },
  });

/**
 * Every setting the api and worker read, validated once at boot. A bad or missing value
 * stops start-up with an error naming the variable. Nothing else reads process.env.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @Matches(/^postgres(ql)?:\/\/[^/\s]+\/[A-Za-z0-9_-]+(\?.*)?$/, {
    message: 'DATABASE_URL must be a postgres:// URL with a database name',
  })
  DATABASE_URL: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL: string;

  /** BullMQ key prefix; hash-tagged so every queue key lands in one Redis Cluster slot. */
  @Matches(/^\{[A-Za-z0-9_:-]+\}$/, {
    message: 'QUEUE_PREFIX must be a hash-tagged name such as {ptrack}',
  })
  QUEUE_PREFIX = '{ptrack}';

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  JWT_TTL_SECONDS = 900;

  /** Encrypts secrets the system must read back (webhook signing secrets). */
  @IsString()
  @MinLength(32, { message: 'DATA_ENCRYPTION_KEY must be at least 32 characters' })
  DATA_ENCRYPTION_KEY: string;

  /** Hours a rotated webhook secret stays valid beside the new one. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(720)
  WEBHOOK_SECRET_GRACE_HOURS = 24;

  /** Login attempts allowed per IP per minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_PER_IP_PER_MINUTE = 30;

  /** Requests to the public pages and open data allowed per IP per minute (all replicas). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PUBLIC_RATE_PER_IP_PER_MINUTE = 600;

  /** Seconds public figures are served from memory before the last-change marker is re-read. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3600)
  PUBLIC_CACHE_SECONDS = 30;

  /**
   * How long an api process keeps an authenticated principal (0 = off): the bound within
   * which a deactivation or revocation made by another replica takes effect here.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  AUTH_PRINCIPAL_CACHE_MS = 5000;

  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  @IsString()
  SMTP_FROM = 'Programme Office <programme-office@programme.example>';

  /** SMTP connections one worker process keeps open (nodemailer pool). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  SMTP_MAX_CONNECTIONS = 5;

  /** Messages sent over one SMTP connection before it is closed and a new one opened. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  SMTP_MAX_MESSAGES = 100;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Trust X-Forwarded-For (only behind a proxy you run): true, false, or proxy addresses/CIDRs. */
  @Matches(/^(true|false|[0-9a-fA-F.:/,\s]+)$/, {
    message: 'TRUST_PROXY must be true, false or a comma-separated list of proxy addresses',
  })
  TRUST_PROXY = 'false';

  get trustProxy(): boolean | string {
    return this.TRUST_PROXY === 'true'
      ? true
      : this.TRUST_PROXY === 'false'
        ? false
        : this.TRUST_PROXY;
  }

  /**
   * Allow webhook URLs on loopback, private, link-local and other non-public addresses,
   * and plain http: `true` or `false`; unset means false in production, true otherwise
   * (local receivers in development and tests).
   */
  @IsIn(['', 'true', 'false'], { message: 'WEBHOOK_ALLOW_PRIVATE_TARGETS must be true or false' })
  WEBHOOK_ALLOW_PRIVATE_TARGETS = '';

  get allowPrivateWebhookTargets(): boolean {
    if (this.WEBHOOK_ALLOW_PRIVATE_TARGETS === '') return this.NODE_ENV !== 'production';
    return this.WEBHOOK_ALLOW_PRIVATE_TARGETS === 'true';
  }

  /** Comma-separated list of allowed browser origins; empty disables CORS. */
  @IsString()
  CORS_ORIGINS = '';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  WORKER_CONCURRENCY = 20;

  /** How long SIGTERM waits for in-flight requests or running jobs before giving up. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  SHUTDOWN_TIMEOUT_MS = 8000;

  /** Seconds after which the reconciler re-enqueues an outbox row still not done. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  OUTBOX_STALE_SECONDS = 60;

  /** Risk register: a residual score (likelihood × impact, 1–25) from this is amber. */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(25)
  RISK_RAG_AMBER_FROM = 5;

  /** Risk register: a residual score from this is red (must be above the amber threshold). */
  @Transform(toInt)
  @IsInt()
  @Max(25)
  @IsAbove('RISK_RAG_AMBER_FROM')
  RISK_RAG_RED_FROM = 15;

  /** Days from a review to the next one, by the entry's RAG. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(366)
  RISK_REVIEW_DAYS_RED = 14;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(366)
  RISK_REVIEW_DAYS_AMBER = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(366)
  RISK_REVIEW_DAYS_GREEN = 90;

  /** Conformance: months a certificate is valid from approval. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60)
  CERTIFICATE_VALIDITY_MONTHS = 12;

  /** Conformance: days after a new requirement-set version's effective date to reassess. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(730)
  REASSESSMENT_DEADLINE_DAYS = 90;
  /** Adoption dashboards: an adoption in progress this many days in one stage is stalled. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  ADOPTION_STALLED_DAYS = 90;

  /** Job schedulers are re-registered this often, so a Redis flush loses no schedule. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  SCHEDULER_REFRESH_MS = 60_000;

  /** Developer toolkits: where release files are kept (`postgres` bytea, or `filesystem`). */
  @IsIn(['postgres', 'filesystem'])
  TOOLKIT_STORE: 'postgres' | 'filesystem' = 'postgres';

  /** The directory of the `filesystem` toolkit store (created if absent). */
  @IsString()
  TOOLKIT_STORE_DIR = '.local/toolkit-files';

  /** Largest toolkit file accepted; a larger upload gets 413 before it is read. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(512 * 1024 * 1024)
  TOOLKIT_MAX_FILE_BYTES = 10 * 1024 * 1024;

  /** Base URL of the api as recipients reach it (signed acknowledgement links). */
  @Matches(/^https?:\/\/[^\s]+[^/\s]$/, {
    message: 'PUBLIC_BASE_URL must be an http(s) URL without a trailing slash',
  })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** Deliveries sent per second on each channel (BullMQ limiter); 0 means no limit. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  EMAIL_RATE_PER_SECOND = 50;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  WEBHOOK_RATE_PER_SECOND = 500;

  /** Deliveries in flight per channel in one worker process. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  DELIVERY_CONCURRENCY = 50;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /** Attempts per delivery before it ends as technical_failure. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  DELIVERY_MAX_ATTEMPTS = 8;

  /** First retry delay; each further retry doubles it, with full jitter, capped at 1 h. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  DELIVERY_BACKOFF_MS = 5000;

  /**
   * A delivery waiting (created / temporary_failure) this long whose job is missing from
   * Redis is re-enqueued (a job still waiting or delayed is left alone).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  DELIVERY_STALE_SECONDS = 30;

  /**
   * A `sending` claim lasts this long and the live worker renews it every third of it; a
   * claim not renewed (the worker died) is taken over by the reconciler or a retried job.
   */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(3600)
  DELIVERY_LEASE_SECONDS = 15;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  DELIVERY_RECONCILE_MS = 10_000;

  /** Days before a governance meeting its agenda and papers go to members' contacts. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60)
  GOVERNANCE_AGENDA_DAYS_BEFORE = 7;

  /** When the weekly supplier digest runs (cron, server time). */
  @Matches(/^(\S+\s+){4,5}\S+$/, { message: 'DIGEST_CRON must be a cron pattern' })
  DIGEST_CRON = '0 7 * * 1';

  /** When the daily readiness scan (trend snapshots, lead-time notices) runs (cron). */
  @Matches(/^(\S+\s+){4,5}\S+$/, { message: 'READINESS_SCAN_CRON must be a cron pattern' })
  READINESS_SCAN_CRON = '0 6 * * *';

  /**
   * Portal sessions: the encryption key of the session cookie is derived from this secret
   * (HKDF). Unset: derived from JWT_SECRET under a different label; set it in production.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'SESSION_SECRET must be at least 32 characters' })
  SESSION_SECRET?: string;

  /** Portal: a session unused this long is signed out. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  SESSION_IDLE_MINUTES = 30;

  /** Portal: a session ends this long after sign-in, used or not. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(168)
  SESSION_ABSOLUTE_HOURS = 8;

  /** Password given to every demo account by the demo seed; unset means no demo accounts. */
  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'DEMO_PASSWORD must be at least 8 characters' })
  DEMO_PASSWORD?: string;

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean);
  }
}

export class ConfigError extends Error {}

/** Variables without a default (not enumerable on a fresh instance). */
const REQUIRED_OR_OPTIONAL = [
  'DATABASE_URL',
  'REDIS_URL',
  'JWT_SECRET',
  'DATA_ENCRYPTION_KEY',
  'DEMO_PASSWORD',
  'SESSION_SECRET',
];

/**
 * Reads and validates the environment; throws a ConfigError naming every bad variable.
 * `only` limits validation to some variables (the migration CLI needs only the database).
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  only?: (keyof AppConfig)[],
): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, unknown> = {};
  for (const key of [...known, ...REQUIRED_OR_OPTIONAL]) {
    if (env[key] !== undefined && env[key] !== '') raw[key] = env[key];
  }
  const config = plainToInstance(AppConfig, raw);
  const errors = validateSync(config).filter(
    (e) => !only || only.includes(e.property as keyof AppConfig),
  );
  if (errors.length > 0) {
    const lines = errors.map((e) => {
      const why = Object.values(e.constraints ?? {}).join('; ');
      return `  ${e.property}: ${e.value === undefined ? 'missing' : why}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
