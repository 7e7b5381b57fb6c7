import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { lazyChildLoggers } from './logger.js';

/** A pino logger writing JSON lines into an array. */
function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level }, stream), lines };
}

describe('lazyChildLoggers', () => {
  it('writes lines carrying the bindings, like a pino child', async () => {
    const { logger, lines } = capture('info');
    const log = lazyChildLoggers(logger)({ reqId: 'r-1' });
    log.info({ statusCode: 200 }, 'request completed');
    log.error('boom');
    log.debug('not written at info');
    log.child({ part: 'db' }).warn('nested');
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => [l.reqId, l.msg])).toEqual([
      ['r-1', 'request completed'],
      ['r-1', 'boom'],
      ['r-1', 'nested'],
    ]);
    expect(lines[0].statusCode).toBe(200);
    expect(lines[2].part).toBe('db');
    expect(log.bindings()).toEqual({ reqId: 'r-1' });
  });

  it('builds no pino child until something is written', () => {
    const { logger } = capture('warn');
    let children = 0;
    const child = logger.child.bind(logger);
    logger.child = ((...args: Parameters<typeof child>) => {
      children += 1;
      return child(...args);
    }) as typeof logger.child;
    const loggers = lazyChildLoggers(logger);
    const log = loggers({ reqId: 'r-2' });
    const other = loggers({ reqId: 'r-3' });
    log.info('below the level');
    expect(children).toBe(0);
    log.warn('written');
    log.warn('again');
    expect(children).toBe(1);
    other.warn('a second request');
    expect(children).toBe(2);
    expect(log.bindings()).toEqual({ reqId: 'r-2' });
    expect(other.bindings()).toEqual({ reqId: 'r-3' });
  });
});
