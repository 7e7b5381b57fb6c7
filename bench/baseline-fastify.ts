import Fastify from 'fastify';

/**
 * The ceiling the api is compared with: bare Fastify, no plugins, no logging, answering
 * GET /health/live with {"status":"ok"} on PORT.
 */
const app = Fastify({ logger: false });
app.get('/health/live', async () => ({ status: 'ok' }));

const close = () => void app.close().then(() => process.exit(0));
process.once('SIGTERM', close);
process.once('SIGINT', close);

await app.listen({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' });
