import type { FastifyInstance } from 'fastify';

/**
 * Accepts `text/csv` request bodies as a string (the body size limit still applies), for
 * CSV imports: handlers receive `@Body() body` as the raw text.
 */
export function registerCsvBodyParser(fastify: FastifyInstance): void {
  if (fastify.hasContentTypeParser('text/csv')) return;
  fastify.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) =>
    done(null, body),
  );
}
