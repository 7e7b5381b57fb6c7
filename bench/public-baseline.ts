import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

/**
 * The ceiling the public pages are compared with: bare Fastify, no plugins, no logging,
 * serving the very bytes the api answered for the public rollout page and the open-data
 * CSV (files named by PUBLIC_PAGE_FILE and PUBLIC_CSV_FILE), from memory, on PORT.
 */
const page = readFileSync(process.env.PUBLIC_PAGE_FILE ?? '');
const csv = readFileSync(process.env.PUBLIC_CSV_FILE ?? '');
const app = Fastify({ logger: false });
app.get('/health/live', () => Promise.resolve({ status: 'ok' }));
app.get('/public', (_req, reply) => reply.type('text/html; charset=utf-8').send(page));
app.get('/open-data/adoptions.csv', (_req, reply) =>
  reply.type('text/csv; charset=utf-8').send(csv),
);

const close = () => void app.close().then(() => process.exit(0));
process.once('SIGTERM', close);
process.once('SIGINT', close);

await app.listen({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' });
