import type { LoggerService } from '@nestjs/common';
import { type Bindings, type LogFn, type Logger, pino } from 'pino';

/**
 * The process's root pino logger: JSON lines on stdout, secrets redacted. Writes are
 * synchronous: a buffered destination measured no faster here and delays lines that
 * operators (and the benchmarks) wait for.
 */
export function createRootLogger(level: string, name: string): Logger {
  return pino({
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
  });
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

/**
 * Fastify's per-request logger (`req.log`), bound to the request id only when it is first
 * written to. Fastify would otherwise build a pino child for every request (bindings
 * serialised through the redactor), which cost ~3% of the api's CPU on GET /health/live
 * though most requests never log. Disabled levels stay the root's no-ops.
 */
export function lazyChildLogger(root: Logger, bindings: Bindings): Logger {
  let child: Logger | undefined;
  const real = () => (child ??= root.child(bindings));
  const lazy = Object.create(root) as Logger;
  for (const level of LEVELS) {
    if (!root.isLevelEnabled(level)) continue;
    lazy[level] = ((...args: Parameters<LogFn>) => real()[level](...args)) as LogFn;
  }
  lazy.child = (more, options) => real().child(more, options);
  lazy.bindings = () => real().bindings();
  return lazy;
}
