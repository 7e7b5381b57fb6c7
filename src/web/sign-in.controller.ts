import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AllowAuthenticated, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { AuthService } from '../auth/auth.service.js';
import { LoginDto } from '../auth/dto/login.dto.js';
import { LanguagePreferenceService } from '../auth/language-preference.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { Public } from '../common/http/public.decorator.js';
import { inlineErrors, summaryList, validateForm } from './forms/form-errors.js';
import { tFor } from './i18n.js';
import { PageController } from './page.decorator.js';
import { type PageRequest, redirect, render, safeReturnTo } from './page-request.js';
import { LANGUAGE_COOKIE } from './portal-setup.js';

/** Where each role lands after signing in. */
const HOMES: Record<string, string> = {
  council: '/council',
  supplier: '/supplier',
  programme_admin: '/programme/dashboard',
  programme_viewer: '/programme/dashboard',
  agency: '/programme/dashboard',
};
const homeFor = (role: string) => HOMES[role] ?? '/';

/**
 * Sign in with the existing accounts through AuthService.login (same password check,
 * throttle, audit and `active` rule as POST /api/v1/auth/login); the session is started
 * afresh (new cookie, new CSRF secret) and holds only the user id and its times.
 */
@PageController()
export class SignInController {
  constructor(
    private readonly auth: AuthService,
    private readonly languages: LanguagePreferenceService,
  ) {}

  /** The start page: signed out → sign in; signed in → the role's home. */
  @Get()
  @AllowAuthenticated()
  start(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    if (HOMES[actor.role]) return reply.redirect(HOMES[actor.role], 303);
    return render(req, reply, 'no-pages-yet.njk');
  }

  @Get('sign-in')
  @Public()
  form(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('returnTo') returnTo?: string,
    @Query('signedOut') signedOut?: string,
  ) {
    return render(req, reply, 'sign-in.njk', {
      returnTo: safeReturnTo(returnTo),
      signedOut: signedOut === '1',
      values: {},
    });
  }

  @Post('sign-in')
  @Public()
  async signIn(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const page = req as PageRequest;
    const t = tFor(page.lang);
    const returnTo = safeReturnTo(body.returnTo);
    const values = { email: typeof body.email === 'string' ? body.email : '' };
    const { dto, errors } = await validateForm(
      LoginDto,
      { email: body.email, password: body.password },
      'signIn',
      t,
    );
    const again = (errs: { field: string; text: string }[], status: number) =>
      render(
        req,
        reply,
        'sign-in.njk',
        { returnTo, values, errorList: summaryList(errs), errors: inlineErrors(errs) },
        status,
      );
    if (errors.length > 0) return again(errors, 400);
    let accessToken: string;
    try {
      ({ accessToken } = await this.auth.login(dto, { ip: req.ip, requestId: String(req.id) }));
    } catch (err) {
      if (!(err instanceof ProblemException)) throw err;
      if (err.getStatus() === 429) {
        const seconds = Number(err.extensions.retryAfterSeconds ?? 60);
        void reply.header('retry-after', seconds);
        return again([{ field: 'email', text: t('signIn.tooMany', { seconds }) }], 429);
      }
      return again([{ field: 'email', text: t('signIn.incorrect') }], 401);
    }
    const claims = JSON.parse(
      Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8'),
    ) as { sub: string; role: string; tv: number };
    req.session.regenerate();
    const now = Date.now();
    req.session.set('uid', claims.sub);
    req.session.set('tv', claims.tv);
    req.session.set('started', now);
    req.session.set('seen', now);
    // The new session's CSRF secret now, so the first page after signing in does not have
    // to rewrite the session cookie to hold one.
    reply.generateCsrf();
    const preferred = await this.languages.get(claims.sub);
    if (preferred) void reply.setCookie(LANGUAGE_COOKIE, preferred, languageCookie());
    return redirect(req, reply, returnTo ?? homeFor(claims.role));
  }

  @Post('sign-out')
  @Public()
  signOut(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    req.session.delete();
    return reply.redirect('/sign-in?signedOut=1', 303);
  }
}

export const languageCookie = () => ({
  path: '/',
  httpOnly: true,
  sameSite: 'lax' as const,
  maxAge: 365 * 24 * 3600,
});
