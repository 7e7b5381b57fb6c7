import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';

/** Polls `check` until it returns a truthy value or the timeout passes. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | null | false>,
  { timeoutMs = 15000, intervalMs = 50, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/**
 * Waits until every outbox row that is due is done or failed (the queues have drained).
 * Rows scheduled for later (a communication another suite scheduled for next week) are not
 * waited for.
 */
export async function waitForOutboxDrained(db: DataSource, timeoutMs = 15000): Promise<void> {
  await waitFor(
    async () => {
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM outbox_messages
          WHERE status = 'pending' AND (available_at IS NULL OR available_at <= now())`,
      );
      return n === 0;
    },
    { timeoutMs, what: 'outbox to drain' },
  );
}
