import './session-data.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import { formattersFor, type Language, tFor } from './i18n.js';

/** What the portal's hooks and the AccessGuard leave on a page request. */
export interface PageRequest extends FastifyRequest {
  lang: Language;
  cspNonce: string;
  /** The signed-in user's id from a live session (idle and absolute timeouts applied). */
  sessionUserId?: string;
  /** The user's token version at sign-in: a password change or deactivation ends the session. */
  sessionTokenVersion?: number;
  /** Set by the AccessGuard on pages that are not public. */
  actor?: Actor;
}

export interface Flash {
  key: string;
  params?: Record<string, string>;
  /** Shown as an "Important" banner rather than "Success" (something still needs doing). */
  warning?: boolean;
}

/** Everything every template gets: language, translator, formatters, nonce, CSRF token, user. */
function baseContext(req: PageRequest, reply: FastifyReply) {
  const flash = req.session.get('flash');
  if (flash) req.session.set('flash', undefined);
  return {
    ...signedInContext(req, req.url, req.cspNonce, reply.generateCsrf()),
    flash,
  };
}

/** The context of a page for the request's user, with no message and the given stand-ins. */
export function signedInContext(
  req: PageRequest,
  currentPath: string,
  cspNonce: string,
  csrfToken: string,
) {
  return {
    ...anonymousContext(req.lang, currentPath, cspNonce, csrfToken),
    user: req.actor ? { label: req.actor.label, role: req.actor.role } : null,
    signedIn: Boolean(req.sessionUserId),
  };
}

/** The context of a page seen signed out, with no message (the public pages cache theirs). */
export function anonymousContext(
  lang: Language,
  currentPath: string,
  cspNonce: string,
  csrfToken: string,
) {
  return {
    lang,
    otherLang: lang === 'en' ? 'cy' : 'en',
    t: tFor(lang),
    fmt: formattersFor(lang),
    cspNonce,
    csrfToken,
    user: null,
    signedIn: false,
    currentPath,
    flash: undefined,
  };
}

/** Renders a view as a whole HTML page with the given status. */
export async function render(
  req: FastifyRequest,
  reply: FastifyReply,
  view: string,
  data: Record<string, unknown> = {},
  status = 200,
): Promise<FastifyReply> {
  const page = req as PageRequest;
  const html = await reply.viewAsync(view, { ...baseContext(page, reply), ...data });
  return reply.status(status).type('text/html; charset=utf-8').send(html);
}

/** POST/redirect/GET: a 303 to a page, optionally with a one-time message for it. */
export function redirect(
  req: FastifyRequest,
  reply: FastifyReply,
  to: string,
  flash?: Flash,
): FastifyReply {
  if (flash) req.session.set('flash', flash);
  return reply.redirect(to, 303);
}

/** A return address is kept only when it is a path on this site (no scheme, no host). */
export function safeReturnTo(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 500) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if ([...value].some((c) => c.charCodeAt(0) < 0x20 || c === '\\')) return null;
  return value;
}
