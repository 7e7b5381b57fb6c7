import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';

/**
 * The process's root pino logger: JSON lines on stdout, secrets redacted. Writes are
 * buffered (4 KiB, asynchronous) rather than one syscall per line; shutdown flushes.
 */
export function createRootLogger(level: string, name: string): Logger {
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
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
    destination,
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
