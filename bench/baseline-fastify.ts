import Fastify from 'fastify';
import { securityHeaders } from '../src/app/security-headers.js';

/**
 * The ceiling the api is compared with: bare Fastify, no plugins, no logging, answering
 * GET /health/live with {"status":"ok"} on PORT. With API_HEADERS=1 it also sends the
 * response headers every api response carries (helmet's set and x-request-id), to show
 * what those headers cost apart from NestJS.
 */
const app = Fastify({ logger: false });
if (process.env.API_HEADERS === '1') {
  const headers = securityHeaders();
  app.addHook('onRequest', (req, reply, done) => {
    void reply.headers(headers).header('x-request-id', req.id);
    done();
  });
}
app.get('/health/live', () => Promise.resolve({ status: 'ok' }));

const close = () => void app.close().then(() => process.exit(0));
process.once('SIGTERM', close);
process.once('SIGINT', close);

await app.listen({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' });
