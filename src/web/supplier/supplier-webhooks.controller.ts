import { Body, Get, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TFunction } from 'i18next';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { ProblemException } from '../../common/errors/problem.exception.js';
import { DeliveriesService } from '../../communications/deliveries.service.js';
import { WebhookSender } from '../../communications/webhook-sender.service.js';
import { PutSupplierWebhookDto } from '../../organisations/dto/supplier-webhook.dto.js';
import { SupplierWebhookService } from '../../organisations/supplier-webhook.service.js';
import { type FormError, inlineErrors, summaryList, validateForm } from '../forms/form-errors.js';
import { tFor } from '../i18n.js';
import { PageController } from '../page.decorator.js';
import { type PageRequest, redirect, render } from '../page-request.js';

const FORM = 'settings.forms.webhook';
const VIEW = 'supplier/settings/webhooks.njk';

const isNotFound = (err: unknown) => err instanceof ProblemException && err.getStatus() === 404;

/**
 * The supplier's own webhook endpoint (no id in the address: it is the signed-in user's
 * organisation's): set or change the URL, send a test event, rotate the secret (shown once),
 * and the recent deliveries with the endpoint's status codes.
 */
@PageController('supplier/webhooks')
export class SupplierWebhooksController {
  constructor(
    private readonly webhooks: SupplierWebhookService,
    private readonly deliveries: DeliveriesService,
    private readonly sender: WebhookSender,
  ) {}

  @Get()
  @Allow('supplier')
  async show(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return render(req, reply, VIEW, await this.pageData(actor));
  }

  @Post()
  @Allow('supplier')
  async save(
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const url = typeof body?.url === 'string' ? body.url.trim() : '';
    const again = async (errs: FormError[], status: number) =>
      render(
        req,
        reply,
        VIEW,
        {
          ...(await this.pageData(actor)),
          values: { url },
          errorList: summaryList(errs),
          errors: inlineErrors(errs),
        },
        status,
      );
    const { dto, errors } = await validateForm(PutSupplierWebhookDto, { url }, FORM, t);
    if (errors.length > 0) return again(errors, 400);
    let saved: Awaited<ReturnType<SupplierWebhookService['put']>>;
    try {
      saved = await this.webhooks.put(actor, actor.organisationId!, { url: dto.url, active: true });
    } catch (err) {
      if (!(err instanceof ProblemException) || err.code !== 'webhook_target_not_allowed')
        throw err;
      return again([{ field: 'url', text: t('settings.webhooks.notAllowed') }], 422);
    }
    if (saved.secret) {
      return render(req, reply, 'supplier/settings/webhook-secret.njk', {
        secret: saved.secret,
        heading: t('settings.webhooks.createdTitle'),
      });
    }
    return redirect(req, reply, '/supplier/webhooks', { key: 'settings.flash.webhookSaved' });
  }

  @Post('rotate-secret')
  @Allow('supplier')
  async rotate(
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    try {
      const rotated = await this.webhooks.rotate(actor, actor.organisationId!);
      return render(req, reply, 'supplier/settings/webhook-secret.njk', {
        secret: rotated.secret,
        heading: t('settings.webhooks.rotatedTitle'),
        graceUntil: rotated.previousSecretValidUntil,
      });
    } catch (err) {
      if (!isNotFound(err)) throw err;
      return this.noEndpoint(actor, req, reply, t);
    }
  }

  @Post('test')
  @Allow('supplier')
  async test(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const t = tFor((req as PageRequest).lang);
    const hook = await this.endpoint(actor);
    if (!hook?.active) return this.noEndpoint(actor, req, reply, t);
    const outcome = await this.sender.sendTest(actor.organisationId!);
    if (outcome.kind === 'delivered') {
      return redirect(req, reply, '/supplier/webhooks', {
        key: 'settings.flash.testDelivered',
        params: { status: String(outcome.status ?? 200) },
      });
    }
    return redirect(req, reply, '/supplier/webhooks', {
      key: 'settings.flash.testFailed',
      params: { error: outcome.error },
      warning: true,
    });
  }

  private async noEndpoint(actor: Actor, req: FastifyRequest, reply: FastifyReply, t: TFunction) {
    const errorList = [{ text: t('settings.webhooks.noEndpointYet'), href: '#url' }];
    return render(req, reply, VIEW, { ...(await this.pageData(actor)), errorList }, 409);
  }

  private async endpoint(actor: Actor) {
    try {
      return await this.webhooks.get(actor, actor.organisationId!);
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  private async pageData(actor: Actor) {
    const [hook, attempts] = await Promise.all([
      this.endpoint(actor),
      this.deliveries.recentWebhook(actor),
    ]);
    return { hook, attempts, values: { url: hook?.url ?? '' } };
  }
}
