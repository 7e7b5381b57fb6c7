// Answers whether DATABASE_URL's server and REDIS_URL answer. Exit code: bit 1 = postgres
// down, bit 2 = redis down. Used by scripts/services.sh before anything else runs.
import pg from 'pg';
import { Redis } from 'ioredis';

const dbUrl = new URL(process.env.DATABASE_URL);
dbUrl.pathname = '/postgres';
let code = 0;
try {
  const client = new pg.Client({
    connectionString: dbUrl.toString(),
    connectionTimeoutMillis: 2000,
  });
  await client.connect();
  await client.query('SELECT 1');
  await client.end();
} catch (err) {
  console.error(`postgres at ${dbUrl.host}: ${err.message}`);
  code |= 1;
}
const redis = new Redis(process.env.REDIS_URL, {
  lazyConnect: true,
  connectTimeout: 2000,
  maxRetriesPerRequest: 0,
  retryStrategy: () => null,
});
redis.on('error', () => {});
try {
  await redis.connect();
  await redis.ping();
} catch (err) {
  console.error(`redis at ${process.env.REDIS_URL}: ${err.message}`);
  code |= 2;
}
redis.disconnect();
process.exit(code);
