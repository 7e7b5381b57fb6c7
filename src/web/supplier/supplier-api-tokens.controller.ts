import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { plainToInstance } from 'class-transformer';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { ApiTokensService } from '../../auth/api-tokens.service.js';
import { CreateApiTokenDto } from '../../auth/dto/create-api-token.dto.js';
import type { ApiTokenViewDto } from '../../auth/dto/api-token-view.dto.js';
import { ProblemException } from '../../common/errors/problem.exception.js';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { inlineErrors, summaryList, validateForm } from '../forms/form-errors.js';
import { tFor } from '../i18n.js';
import { PageController } from '../page.decorator.js';
import { type PageRequest, redirect, render } from '../page-request.js';

const FORM = 'settings.forms.apiToken';

/** active, expired or revoked: what the list's tag says. */
export function tokenState(t: ApiTokenViewDto, now: Date): 'active' | 'expired' | 'revoked' {
  if (t.revokedAt) return 'revoked';
  if (t.expiresAt && new Date(t.expiresAt) <= now) return 'expired';
  return 'active';
}

/** The supplier's API tokens for its machines: list with last use, create (shown once), revoke. */
@PageController('supplier/api-tokens')
export class SupplierApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Get()
  @Allow('supplier')
  async list(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const page = await this.tokens.list(actor, plainToInstance(PageQueryDto, { limit: 100 }));
    const now = new Date();
    return render(req, reply, 'supplier/settings/api-tokens.njk', {
      tokens: page.data.map((tk) => ({ ...tk, state: tokenState(tk, now) })),
    });
  }

  @Get('new')
  @Allow('supplier')
  newForm(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return render(req, reply, 'supplier/settings/api-token-form.njk', { values: {} });
  }

  /** The secret is rendered once, on this response (pages are no-store); never redirected. */
  @Post()
  @Allow('supplier')
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const name = typeof body?.name === 'string' ? body.name.trim() : '';
    const { dto, errors } = await validateForm(CreateApiTokenDto, { name }, FORM, t);
    if (errors.length > 0) {
      return render(
        req,
        reply,
        'supplier/settings/api-token-form.njk',
        { values: { name }, errorList: summaryList(errors), errors: inlineErrors(errors) },
        400,
      );
    }
    const created = await this.tokens.create(actor, dto);
    return render(req, reply, 'supplier/settings/api-token-created.njk', { created });
  }

  @Get(':id/revoke')
  @Allow('supplier')
  async revokeConfirm(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const token = await this.tokens.get(actor, id);
    return render(req, reply, 'supplier/settings/api-token-revoke.njk', { token });
  }

  @Post(':id/revoke')
  @Allow('supplier')
  async revoke(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const token = await this.tokens.get(actor, id);
    try {
      await this.tokens.revoke(actor, id);
    } catch (err) {
      if (!(err instanceof ProblemException) || err.getStatus() !== 409) throw err;
      const errorList = [{ text: t('settings.apiTokens.alreadyRevoked'), href: '#revoke' }];
      return render(
        req,
        reply,
        'supplier/settings/api-token-revoke.njk',
        { token, errorList },
        409,
      );
    }
    return redirect(req, reply, '/supplier/api-tokens', {
      key: 'settings.flash.tokenRevoked',
      params: { name: token.name },
    });
  }
}
