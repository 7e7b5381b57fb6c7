import { Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { ProblemException } from '../../common/errors/problem.exception.js';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { AcknowledgementsService } from '../../communications/acknowledgements.service.js';
import {
  type InboxMessage,
  SupplierInboxService,
} from '../../communications/supplier-inbox.service.js';
import { validateForm } from '../forms/form-errors.js';
import { tFor } from '../i18n.js';
import { PageController } from '../page.decorator.js';
import { type PageRequest, redirect, render } from '../page-request.js';
import { pageCount, pageLinks } from '../paging.js';

const PAGE_SIZE = 25;

/**
 * The supplier's inbox: every communication and notice sent to its organisation, newest
 * first, unread ones tagged (read state is per person); a communication's page shows it
 * as sent to the supplier, marks it read, and acknowledges for the organisation where an
 * acknowledgement is asked for (the same record the API and the programme's views use).
 */
@PageController('supplier/communications')
export class SupplierCommunicationsController {
  constructor(
    private readonly inbox: SupplierInboxService,
    private readonly acks: AcknowledgementsService,
  ) {}

  @Get()
  @Allow('supplier')
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const input: Record<string, unknown> = {};
    if (typeof query.page === 'string' && query.page !== '') input.page = query.page;
    else if (query.page !== undefined && query.page !== '') input.page = 'x';
    const { dto, errors } = await validateForm(PageQueryDto, input, 'inbox.forms.list', t);
    if (errors.length > 0) {
      const errorList = errors.map((e) => ({ text: e.text, href: '#communications' }));
      return render(
        req,
        reply,
        'supplier/communications.njk',
        { items: [], total: 0, unread: 0, errorList },
        400,
      );
    }
    dto.limit = PAGE_SIZE;
    const page = await this.inbox.list(actor, dto);
    const pages = pageCount(page.meta.total, PAGE_SIZE);
    const link = (n: number) => `/supplier/communications?page=${n}`;
    return render(req, reply, 'supplier/communications.njk', {
      items: page.data,
      total: page.meta.total,
      unread: page.unread,
      pagination: pageLinks(dto.page, pages, link),
    });
  }

  /** Opening it marks it read for this person (after reading, so the page says "new" once). */
  @Get(':id')
  @Allow('supplier')
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const message = await this.inbox.get(actor, id);
    await this.inbox.markRead(actor, id);
    return this.page(req, reply, message);
  }

  @Post(':id/acknowledge')
  @Allow('supplier')
  async acknowledge(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const message = await this.inbox.get(actor, id);
    const refuse = async (text: string) =>
      this.page(req, reply, message, [{ text, href: '#acknowledgement' }], 409);
    if (!message.acknowledgementRequired) return refuse(t('inbox.show.notRequired'));
    try {
      await this.acks.acknowledge(actor, id);
    } catch (err) {
      if (!(err instanceof ProblemException) || err.getStatus() !== 409) throw err;
      return refuse(t('inbox.show.alreadyAcknowledged'));
    }
    return redirect(req, reply, `/supplier/communications/${id}`, {
      key: 'inbox.flash.acknowledged',
    });
  }

  private page(
    req: FastifyRequest,
    reply: FastifyReply,
    message: InboxMessage,
    errorList?: { text: string; href: string }[],
    status = 200,
  ) {
    const overdue =
      message.acknowledgeBy !== null &&
      message.acknowledgedAt === null &&
      new Date(message.acknowledgeBy).getTime() < Date.now();
    return render(
      req,
      reply,
      'supplier/communication.njk',
      { message, overdue, errorList },
      status,
    );
  }
}
