import { hkdfSync, randomFillSync } from 'node:crypto';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import csrfProtection from '@fastify/csrf-protection';
import secureSession from '@fastify/secure-session';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import nunjucks from 'nunjucks';
import type { AppConfig } from '../config/app-config.js';
import { fromAcceptLanguage, isLanguage } from './i18n.js';
import { type PageRequest, render } from './page-request.js';
import { GOVUK_DIST, isPagePath, PUBLIC_DIR, VIEWS_DIR } from './web-paths.js';

export const SESSION_COOKIE = 'ptrack_session';
export const LANGUAGE_COOKIE = 'ptrack_lang';

/** The 32-byte session key, derived from SESSION_SECRET (or JWT_SECRET under another label). */
export function sessionKey(config: AppConfig): Buffer {
  const secret = config.SESSION_SECRET ?? config.JWT_SECRET;
  const label = config.SESSION_SECRET ? 'ptrack portal session' : 'ptrack portal session from jwt';
  return Buffer.from(hkdfSync('sha256', secret, 'ptrack', label, 32));
}

/**
 * Page headers: a strict CSP whose only script allowance is 'self' plus this response's
 * nonce (the GOV.UK template's one-line class toggle and the module that starts
 * govuk-frontend), and the frame, sniffing and referrer headers. Built once; the nonce is
 * spliced in per request.
 */
function pageHeaders(production: boolean) {
  const csp = (nonce: string) =>
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; ');
  const fixed: Record<string, string> = {
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
    'cache-control': 'no-store',
  };
  if (production) fixed['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  return (nonce: string) => ({ ...fixed, 'content-security-policy': csp(nonce) });
}

/**
 * CSP nonces: 16 random bytes each, cut from a pool filled 256 nonces at a time (one call
 * into the system's random source per 256 pages, not one per page); no byte is used twice.
 */
const NONCE_BYTES = 16;
const noncePool = Buffer.alloc(NONCE_BYTES * 256);
let nonceOffset = noncePool.length;
function nextNonce(): string {
  if (nonceOffset === noncePool.length) {
    randomFillSync(noncePool);
    nonceOffset = 0;
  }
  nonceOffset += NONCE_BYTES;
  return noncePool.toString('base64', nonceOffset - NONCE_BYTES, nonceOffset);
}

const ASSET_FILES =
  /^\/(fonts\/[\w.-]+|images\/[\w.-]+|manifest\.json|govuk-frontend\.min\.(css|js)|app\.css)$/;

/**
 * The portal's share of the api process: cookies, the encrypted session cookie, CSRF
 * tokens bound to the session, Nunjucks views (ours and govuk-frontend's macros), the
 * GOV.UK assets under /assets, and the hooks that give pages their headers, language,
 * session timeouts and CSRF check. JSON routes are untouched.
 */
export async function registerPortal(
  app: NestFastifyApplication,
  config: AppConfig,
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const production = config.NODE_ENV === 'production';
  const idleMs = config.SESSION_IDLE_MINUTES * 60_000;
  const absoluteMs = config.SESSION_ABSOLUTE_HOURS * 3_600_000;
  await app.register(fastifyCookie as never);
  await app.register(secureSession as never, {
    key: sessionKey(config),
    cookieName: SESSION_COOKIE,
    expiry: Math.ceil(absoluteMs / 1000),
    cookie: { path: '/', httpOnly: true, sameSite: 'lax', secure: production },
  });
  await app.register(csrfProtection as never, { sessionPlugin: '@fastify/secure-session' });
  app.useStaticAssets({
    root: [join(GOVUK_DIST, 'govuk/assets'), join(GOVUK_DIST, 'govuk'), PUBLIC_DIR],
    prefix: '/assets/',
    decorateReply: false,
    index: false,
    allowedPath: (pathname: string) => ASSET_FILES.test(pathname),
    maxAge: production ? '1d' : 0,
  } as never);
  app.setViewEngine({
    engine: { nunjucks },
    templates: [VIEWS_DIR, GOVUK_DIST],
    options: { noCache: !production },
  });

  const headersFor = pageHeaders(production);
  fastify.addHook('onRequest', (req, reply, done) => {
    if (isPagePath(req.url) && !req.url.startsWith('/assets/')) {
      const nonce = nextNonce();
      (req as PageRequest).cspNonce = nonce;
      void reply.headers(headersFor(nonce));
    }
    done();
  });
  fastify.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!isPagePath(req.url) || req.url.startsWith('/assets/')) return;
    const page = req as PageRequest;
    const chosen = req.cookies[LANGUAGE_COOKIE];
    page.lang = isLanguage(chosen) ? chosen : fromAcceptLanguage(req.headers['accept-language']);
    const s = req.session;
    const uid = s.get('uid');
    if (uid) {
      const now = Date.now();
      const started = s.get('started') ?? 0;
      const seen = s.get('seen') ?? 0;
      if (now - seen > idleMs || now - started > absoluteMs) {
        s.delete();
      } else {
        page.sessionUserId = uid;
        page.sessionTokenVersion = s.get('tv') ?? -1;
        if (now - seen > 30_000) s.set('seen', now);
      }
    }
    if (req.method === 'POST' && !(await csrfValid(fastify, req))) {
      await render(req, reply, 'error.njk', { status: 403, reason: 'csrf' }, 403);
      return reply;
    }
  });
}

/** @fastify/csrf-protection's check, answered as a boolean so the refusal is an HTML page. */
function csrfValid(fastify: FastifyInstance, req: FastifyRequest): Promise<boolean> {
  return new Promise((resolve) => {
    const refuse = { send: () => resolve(false) } as unknown as FastifyReply;
    fastify.csrfProtection(req, refuse, () => resolve(true));
  });
}
