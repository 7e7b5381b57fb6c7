import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import type { Bindings, Logger } from 'pino';
import { ProblemDetailsFilter } from '../common/errors/problem-details.filter.js';
import { registerCsvBodyParser } from '../common/http/csv-body-parser.js';
import { type AppConfig, loadConfig } from '../config/app-config.js';
import { createRootLogger, lazyChildLoggers, PinoNestLogger } from '../logging/logger.js';
import { ApiModule } from './api.module.js';
import { setupOpenApi } from './openapi.js';
import { DOCS_HELMET_OPTIONS, securityHeaders } from './security-headers.js';
import { WorkerModule } from './worker.module.js';
import { registerPortal } from '../web/portal-setup.js';
import { registerToolkitUploads } from '../toolkits/toolkit-upload-route.js';
import { isPagePath, PAGE_ROUTE_PATTERNS } from '../web/web-paths.js';

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
  const requestLogger = lazyChildLoggers(logger);
  const apiHeaders = securityHeaders();
  const problems = new ProblemDetailsFilter();
  const adapter = new FastifyAdapter({
    // The router rejects a malformed URL (400) or an over-long path parameter (414) before
    // any hook runs; those answers are problem+json like every other error.
    // Node's HTTP parser rejects a request (headers or URL too large, malformed) before
    // Fastify exists for it: answer that on the socket, in the same problem+json shape.
    clientErrorHandler: (err: Error & { code?: string }, socket: Socket) => {
      if (!socket.writable) return socket.destroy();
      const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
      const title = status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
      const code = status === 431 ? 'headers_too_large' : 'bad_request';
      const body = JSON.stringify({
        type: `urn:ptrack:problem:${code}`,
        title,
        status,
        detail:
          status === 431 ? 'The request line or headers are too large' : 'Malformed HTTP request',
        code,
      });
      socket.end(
        `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    },
    frameworkErrors: (error: Error, req: FastifyRequest, reply: FastifyReply) => {
      const body = problems.toProblem(error, req);
      void reply
        .headers(apiHeaders)
        .header('x-request-id', req.id)
        .status(body.status)
        .type('application/problem+json')
        .send(body);
    },
    loggerInstance: logger,
    childLoggerFactory: (_root: unknown, bindings: Bindings) => requestLogger(bindings),
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
  registerToolkitUploads(fastify, config.TOOLKIT_MAX_FILE_BYTES);
  const docsHeaders = securityHeaders(DOCS_HELMET_OPTIONS);
  fastify.addHook('onRequest', (req, reply, done) => {
    // Pages get their own headers (CSP with a per-request nonce) from the portal's hook.
    if (isPagePath(req.url)) return done();
    void reply
      .headers(req.url.startsWith('/docs') ? docsHeaders : apiHeaders)
      .header('x-request-id', req.id);
    done();
  });
  // One line per request at info; at warn and above the hook is not even registered. The
  // line holds only request-line fields (no headers, no body), so it is written by a child
  // made once without the redaction pass, and bound to the request id per line rather than
  // through a per-request child logger.
  if (logger.isLevelEnabled('info')) {
    const requestLog = logger.child({}, { redact: [] });
    fastify.addHook('onResponse', (req, reply, done) => {
      requestLog.info(
        {
          reqId: req.id,
          method: req.method,
          url: req.url,
          statusCode: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
      done();
    });
  }
  // No origins configured means no cross-origin access: the CORS plugin is left out
  // rather than registered to answer "no" on every request.
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins });
  await registerPortal(app, config);
  app.setGlobalPrefix('api/v1', {
    exclude: ['health/live', 'health/ready', ...PAGE_ROUTE_PATTERNS],
  });
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
 * Builds the app with SIGTERM/SIGINT handled: close the app (api: stop accepting, finish
 * in-flight requests, close pools; worker: stop taking jobs, let running ones finish) and
 * exit 0; exit 1 if that takes longer than SHUTDOWN_TIMEOUT_MS. The handlers are in place
 * before the app is built, because the worker starts taking jobs while it boots: a signal
 * that arrives then closes the app as soon as it exists.
 */
export async function withGracefulExit<T extends INestApplicationContext>(
  build: (config: AppConfig) => Promise<Started<T>>,
  config: AppConfig = loadConfig(),
): Promise<Started<T>> {
  const state: { started?: Started<T>; signal?: NodeJS.Signals } = {};
  const onSignal = (signal: NodeJS.Signals) => {
    if (state.signal) return;
    state.signal = signal;
    const timer = setTimeout(() => {
      if (state.started) state.started.logger.error('shutdown timed out');
      else console.error('shutdown timed out');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    if (state.started) void closeAndExit(state.started, signal);
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  state.started = await build(config);
  if (state.signal) return closeAndExit(state.started, state.signal);
  return state.started;
}

function closeAndExit(
  started: Started<INestApplicationContext>,
  signal: NodeJS.Signals,
): Promise<never> {
  const { app, logger } = started;
  logger.info({ signal }, 'shutting down');
  return app.close().then(
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
}

/** Entry-point guard: a bad config or a failed boot exits non-zero with the reason. */
export function runMain(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
