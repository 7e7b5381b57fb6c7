import type { DataSource } from 'typeorm';

/**
 * Rows of one statement as they arrive, through a server-side cursor (pg-query-stream via
 * TypeORM's query runner), so a large export never sits in memory whole. The statement is
 * started — and a SQL error thrown — before this resolves, so callers can still answer with
 * an error status; the connection goes back to the pool when the rows end, fail, or the
 * consumer stops early (a client that disconnects mid-download).
 */
export async function streamQuery<T>(
  db: DataSource,
  sql: string,
  params: unknown[],
): Promise<AsyncIterable<T>> {
  const runner = db.createQueryRunner();
  try {
    const stream = await runner.stream(sql, params);
    const rows = stream[Symbol.asyncIterator]() as AsyncIterator<T>;
    const first = await rows.next();
    return (async function* () {
      try {
        if (first.done) return;
        yield first.value;
        for (let next = await rows.next(); !next.done; next = await rows.next()) yield next.value;
      } finally {
        await rows.return?.();
      }
    })();
  } catch (err) {
    await runner.release();
    throw err;
  }
}
