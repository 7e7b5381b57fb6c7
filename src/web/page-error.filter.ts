import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type PageRequest, render } from './page-request.js';

/**
 * Errors on pages are pages: not signed in → the sign-in page, coming back here after;
 * forbidden → 403 page; not found (including another council's record, which the
 * services answer 404) → 404 page; anything unexpected → 500 page with an error id that
 * is in the log. Never problem+json, never a stack trace.
 */
@Catch()
export class PageErrorFilter implements ExceptionFilter {
  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const req = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (reply.sent) return;
    const status = exception instanceof HttpException ? exception.getStatus() : 500;
    if (status === 401) {
      if ((req as PageRequest).sessionUserId) req.session.delete();
      const back = req.method === 'GET' && req.url !== '/' ? req.url : null;
      await reply.redirect(
        back ? `/sign-in?returnTo=${encodeURIComponent(back)}` : '/sign-in',
        303,
      );
      return;
    }
    if (status >= 500) {
      const errorId = randomUUID();
      req.log.error({ errorId, err: exception }, 'unhandled error on a page');
      await render(req, reply, 'error.njk', { status: 500, errorId }, 500);
      return;
    }
    const shown = [403, 404, 429].includes(status) ? status : 400;
    await render(req, reply, 'error.njk', { status: shown }, shown);
  }
}
