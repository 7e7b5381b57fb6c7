import { randomUUID } from 'node:crypto';
import type { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from '@fastify/helmet';
import { LogController } from 'fastify';
import type { Logger } from 'pino';
import { registerCsvBodyParser } from '../common/http/csv-body-parser.js';
import { type AppConfig, loadConfig } from '../config/app-config.js';
import { createRootLogger, PinoNestLogger } from '../logging/logger.js';
import { ApiModule } from './api.module.js';
import { setupOpenApi } from './openapi.js';
import { WorkerModule } from './worker.module.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

export interface Started<T> {
  app: T;
  config: AppConfig;
  logger: Logger;
}

/**
 * Builds the HTTP api. Production (main.ts) and the e2e tests both call this; tests may add
 * modules (e.g. a controller that throws) but never replace any.
 */
export async function createApi(
  config: AppConfig = loadConfig(),
  extraModules: Type[] = [],
): Promise<Started<NestFastifyApplication>> {
  const logger = createRootLogger(config.LOG_LEVEL, 'api');
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(config, extraModules),
    adapter,
    {
      logger: new PinoNestLogger(logger),
      abortOnError: false,
    },
  );
  const fastify = app.getHttpAdapter().getInstance();
  registerCsvBodyParser(fastify);
  fastify.addHook('onRequest', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });
  fastify.addHook('onResponse', async (req, reply) => {
    req.log.info(
      {
        method: req.method,
        url: req.url,
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  app.enableCors({ origin: config.corsOrigins.length > 0 ? config.corsOrigins : false });
  app.setGlobalPrefix('api/v1', { exclude: ['health/live', 'health/ready'] });
  setupOpenApi(app);
  return { app, config, logger };
}

/** Builds the worker: a Nest application context with processors, no HTTP. */
export async function createWorker(
  config: AppConfig = loadConfig(),
  extraModules: Type[] = [],
): Promise<Started<INestApplicationContext>> {
  const logger = createRootLogger(config.LOG_LEVEL, 'worker');
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(config, extraModules),
    {
      logger: new PinoNestLogger(logger),
      abortOnError: false,
    },
  );
  return { app, config, logger };
}

/**
 * SIGTERM/SIGINT: close the app (api: stop accepting, finish in-flight requests, close
 * pools; worker: stop taking jobs, let running ones finish) and exit 0; exit 1 if that
 * takes longer than SHUTDOWN_TIMEOUT_MS.
 */
export function exitGracefully(started: Started<INestApplicationContext>): void {
  const { app, config, logger } = started;
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error('shutdown timed out');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    app.close().then(
      () => {
        logger.info('shut down cleanly');
        logger.flush();
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

/** Entry-point guard: a bad config or a failed boot exits non-zero with the reason. */
export function runMain(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
