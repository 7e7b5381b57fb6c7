import type { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';

/**
 * Rows of one statement as an object-mode stream read through a server-side cursor
 * (pg-query-stream behind TypeORM's query runner), so a large export never sits in memory
 * whole. The first row (or the end, or a SQL error — thrown) has arrived before this
 * resolves, so callers can still answer with an error status. The connection goes back to
 * the pool when the stream closes: after the last row, on an error, or when the consumer
 * destroys it early (a client that leaves mid-download).
 */
export async function streamQuery(
  db: DataSource,
  sql: string,
  params: unknown[],
): Promise<Readable> {
  const runner = db.createQueryRunner();
  let stream: Readable;
  try {
    stream = await runner.stream(sql, params);
  } catch (err) {
    await runner.release();
    throw err;
  }
  stream.once('close', () => void runner.release());
  const first = await new Promise<{ row: unknown } | null>((resolve, reject) => {
    const done = (value: { row: unknown } | null, err?: unknown) => {
      stream.off('data', onData).off('end', onEnd).off('error', onError);
      if (err) reject(err instanceof Error ? err : new Error('the export statement failed'));
      else resolve(value);
    };
    const onData = (row: unknown) => {
      stream.pause();
      done({ row });
    };
    const onEnd = () => done(null);
    const onError = (err: unknown) => done(null, err);
    stream.on('data', onData).once('end', onEnd).once('error', onError);
  });
  if (first) stream.unshift(first.row);
  return stream;
}
