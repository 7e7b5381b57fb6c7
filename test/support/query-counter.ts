import type { DataSource } from 'typeorm';

/**
 * Counts the SQL statements a DataSource runs (every statement goes through its logger's
 * `logQuery`, logging on or off) while `work` runs. The test's api is the only user of
 * its DataSource, so the count is the request's own.
 */
export async function countQueries<T>(
  db: DataSource,
  work: () => Promise<T>,
): Promise<{ result: T; count: number; queries: string[] }> {
  const logger = db.logger;
  const original = logger.logQuery.bind(logger);
  const queries: string[] = [];
  logger.logQuery = function (this: unknown, query, parameters, runner) {
    queries.push(query);
    return original(query, parameters, runner);
  };
  try {
    const result = await work();
    return { result, count: queries.length, queries };
  } finally {
    logger.logQuery = original;
  }
}
