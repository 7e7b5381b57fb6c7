import { createRequire } from 'node:module';
import type { LoggerService } from '@nestjs/common';
import { type Bindings, type DestinationStream, type LogFn, type Logger, pino } from 'pino';

/**
 * A person running the api in a terminal gets readable lines (pino-pretty, a dev
 * dependency); anything else (a pipe, a container log collector) gets JSON. Production
 * installs omit dev dependencies, so there it is JSON even on a terminal.
 */
function prettyWhenTerminal(): DestinationStream | undefined {
  if (!process.stdout.isTTY) return undefined;
  try {
    const pretty = createRequire(import.meta.url)('pino-pretty') as (
      options: object,
    ) => DestinationStream;
    return pretty({
      sync: true,
      colorize: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,process',
    });
  } catch {
    return undefined;
  }
}

/**
 * The process's root pino logger: JSON lines on stdout, secrets redacted. Writes are
 * synchronous: a buffered destination measured no faster here and delays lines that
 * operators (and the benchmarks) wait for.
 */
export function createRootLogger(level: string, name: string): Logger {
  return pino(
    {
      level,
      name,
      base: { pid: process.pid, process: name },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          '*.password',
          '*.secret',
          '*.token',
          '*.signingSecret',
        ],
        censor: '[redacted]',
      },
    },
    prettyWhenTerminal(),
  );
}

/** Nest's logger interface on top of pino, so framework and app logs share one stream. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
  fatal(message: unknown, context?: string) {
    this.logger.fatal({ context }, String(message));
  }
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
const BINDINGS = Symbol('bindings');
const CHILD = Symbol('child');

type LazyLogger = Logger & { [BINDINGS]: Bindings; [CHILD]?: Logger };

/**
 * Fastify's per-request logger (`req.log`), bound to the request id only when it is first
 * written to. Fastify would otherwise build a pino child for every request (bindings
 * serialised through the redactor), which cost ~3% of the api's CPU on GET /health/live
 * though most requests never log. Disabled levels stay the root's no-ops.
 *
 * Returns the factory: the methods live on one prototype built here, so a request's logger
 * is a single small object holding its bindings.
 */
export function lazyChildLoggers(root: Logger): (bindings: Bindings) => Logger {
  const real = (lazy: LazyLogger) => (lazy[CHILD] ??= root.child(lazy[BINDINGS]));
  const proto = Object.create(root) as LazyLogger;
  for (const level of LEVELS) {
    if (!root.isLevelEnabled(level)) continue;
    proto[level] = function (this: LazyLogger, ...args: Parameters<LogFn>) {
      real(this)[level](...args);
    };
  }
  proto.child = function (this: LazyLogger, more, options) {
    return real(this).child(more, options);
  };
  proto.bindings = function (this: LazyLogger) {
    return real(this).bindings();
  };
  return (bindings) => {
    const lazy = Object.create(proto) as LazyLogger;
    lazy[BINDINGS] = bindings;
    return lazy;
  };
}
