import type { FastifyReply } from 'fastify';
import type { PageRequest } from './page-request.js';

/** Stand-ins rendered into a cached page, replaced per response (never valid values). */
export const NONCE_STANDIN = '__cached-page-nonce__';
export const CSRF_STANDIN = '__cached-page-csrf__';

/**
 * Sends a page rendered once with the stand-ins, splicing in this response's own CSP nonce
 * and a fresh CSRF token (forms on the page — the language toggle, sign-out — stay valid).
 */
export function sendCachedPage(req: PageRequest, reply: FastifyReply, html: string): FastifyReply {
  const csrf = reply.generateCsrf();
  const body = html
    .replaceAll(NONCE_STANDIN, () => req.cspNonce)
    .replaceAll(CSRF_STANDIN, () => csrf);
  return reply.status(200).type('text/html; charset=utf-8').send(body);
}
