import type { RedisOptions } from 'bullmq';

/**
 * ioredis options from REDIS_URL for one role:
 * - `worker`: blocking connections; BullMQ requires maxRetriesPerRequest null and
 *   reconnects forever, so a worker recovers by itself when Redis comes back.
 * - `producer` / `probe`: fail fast while Redis is away (no offline queue), so requests
 *   and health checks never hang; the outbox reconciler re-sends what failed.
 */
export function redisOptions(url: string, role: 'worker' | 'producer' | 'probe'): RedisOptions {
  const u = new URL(url);
  const base: RedisOptions = {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    connectionName: `ptrack-${role}`,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  };
  if (role === 'worker') return { ...base, maxRetriesPerRequest: null, enableReadyCheck: true };
  return {
    ...base,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2000,
    commandTimeout: 2000,
  };
}
