import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PublicDataService } from '../../public/public-data.service.js';
import { CachedPage, CSRF_STANDIN, NONCE_STANDIN } from '../cached-render.js';
import { anonymousContext, type PageRequest, render } from '../page-request.js';

/**
 * A public page for a signed-out visitor, rendered once per last change of the data, per
 * language and page (`key`: the route and its validated parameters, never the raw URL, so
 * query strings cannot fill the cache); each response only splices in its own CSP nonce
 * and CSRF token (the language toggle is a form). Signed-in visitors, or a visitor with a
 * one-time message waiting, get the page rendered as usual.
 */
export async function cachedPage(
  req: FastifyRequest,
  reply: FastifyReply,
  cache: PublicDataService,
  page: { key: string; path: string; view: string },
  data: () => Promise<Record<string, unknown>>,
): Promise<FastifyReply> {
  const p = req as PageRequest;
  if (p.sessionUserId || req.session.get('flash'))
    return render(req, reply, page.view, await data());
  const { data: cached } = await cache.memo(`page:${p.lang}:${page.key}`, async () =>
    CachedPage.of(
      await reply.viewAsync(page.view, {
        ...anonymousContext(p.lang, page.path, NONCE_STANDIN, CSRF_STANDIN),
        ...(await data()),
      }),
    ),
  );
  return cached.send(p, reply);
}
