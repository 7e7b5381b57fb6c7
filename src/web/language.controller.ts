import { Body, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticator } from '../auth/authenticator.service.js';
import { LanguagePreferenceService } from '../auth/language-preference.service.js';
import { Public } from '../common/http/public.decorator.js';
import { isLanguage } from './i18n.js';
import { PageController } from './page.decorator.js';
import { type PageRequest, safeReturnTo } from './page-request.js';
import { LANGUAGE_COOKIE } from './portal-setup.js';
import { languageCookie } from './sign-in.controller.js';

/**
 * The "English | Cymraeg" toggle: a small form (so it carries a CSRF token and works
 * without JavaScript). The choice goes in a cookie and, when signed in, on the account.
 */
@PageController()
export class LanguageController {
  constructor(
    private readonly languages: LanguagePreferenceService,
    private readonly authenticator: Authenticator,
  ) {}

  @Post('language')
  @Public()
  async choose(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const lang = isLanguage(body.lang) ? body.lang : 'en';
    const page = req as PageRequest;
    const uid = page.sessionUserId;
    if (uid) {
      const session = { userId: uid, tokenVersion: page.sessionTokenVersion ?? -1 };
      const actor = await this.authenticator.authenticateUser(session, {
        requestId: String(req.id),
        ip: req.ip,
      });
      await this.languages.set(actor, lang);
    }
    void reply.setCookie(LANGUAGE_COOKIE, lang, languageCookie());
    return reply.redirect(safeReturnTo(body.returnTo) ?? '/', 303);
  }
}
