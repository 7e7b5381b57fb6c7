import { Body, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { plainToInstance } from 'class-transformer';
import type { TFunction } from 'i18next';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { ProblemException } from '../../common/errors/problem.exception.js';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { AcknowledgementsService } from '../../communications/acknowledgements.service.js';
import { CommunicationsService } from '../../communications/communications.service.js';
import { DeliveriesService } from '../../communications/deliveries.service.js';
import {
  CancelCommunicationDto,
  CreateCommunicationDto,
} from '../../communications/dto/communication.dto.js';
import {
  CommunicationQueryDto,
  DeliveryQueryDto,
} from '../../communications/dto/communication-query.dto.js';
import { LIST_PLACEHOLDERS, PLACEHOLDERS } from '../../communications/template-renderer.js';
import { SupplierOverviewService } from '../../dashboards/supplier-overview.service.js';
import { type FormError, inlineErrors, validateForm } from '../forms/form-errors.js';
import { tFor } from '../i18n.js';
import { PageController } from '../page.decorator.js';
import { type PageRequest, redirect, render } from '../page-request.js';
import {
  AUDIENCE_LISTS,
  type ComposeValues,
  carriedSendAt,
  composeInput,
  composeValues,
  draftValues,
  ERROR_ANCHORS,
  emptyCompose,
  FIXED_CHOICES,
} from './communication-forms.js';
import { pageCount, pageLinks, pageNumber } from '../paging.js';

/** Who reads communications' pages: the API's readers of deliveries (not agencies). */
const READERS = ['programme_admin', 'programme_viewer'] as const;
const FORM = 'comms.forms.compose';
const PAGE_SIZE = 25;
const RECIPIENTS_PAGE = 100;

const summary = (errors: FormError[]) =>
  errors.map((e) => ({ text: e.text, href: `#${ERROR_ANCHORS[e.field] ?? e.field}` }));

/**
 * Programme communications: compose (a draft through the API's service), preview (who it
 * reaches, named, and one rendered sample), send now or schedule, the list with progress,
 * and one communication's deliveries and acknowledgements. Thin: every rule and every
 * count is the communications services'.
 */
@PageController('programme/communications')
export class ProgrammeCommunicationsController {
  constructor(
    private readonly communications: CommunicationsService,
    private readonly deliveries: DeliveriesService,
    private readonly acknowledgements: AcknowledgementsService,
    private readonly overview: SupplierOverviewService,
  ) {}

  @Get()
  @Allow(...READERS)
  async list(
    @CurrentActor() actor: Actor,
    @Query('page') pageParam: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const q = plainToInstance(CommunicationQueryDto, {
      page: pageNumber(pageParam),
      limit: PAGE_SIZE,
    });
    const page = await this.communications.list(actor, q);
    const progress = await this.communications.progressOf(page.data.map((c) => c.id));
    const pages = pageCount(page.meta.total, PAGE_SIZE);
    const link = (n: number) => `/programme/communications?page=${n}`;
    return render(req, reply, 'programme/communications.njk', {
      rows: page.data.map((c) => ({ ...c, progress: progress.get(c.id) })),
      total: page.meta.total,
      pageNumber: q.page,
      pages,
      pagination: pageLinks(q.page, pages, link),
      canCompose: actor.role === 'programme_admin',
    });
  }

  @Get('new')
  @Allow('programme_admin')
  async newForm(
    @Query('supplierId') supplierId: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const preset =
      typeof supplierId === 'string' && /^[0-9a-f-]{36}$/i.test(supplierId)
        ? { supplierIds: [supplierId] }
        : {};
    return this.form(req, reply, null, emptyCompose(preset), [], 200);
  }

  @Post('new')
  @Allow('programme_admin')
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const values = composeValues(body);
    const checked = await this.check(values, t);
    if ('errors' in checked) return this.form(req, reply, null, values, checked.errors, 400);
    try {
      const draft = await this.communications.create(actor, checked.dto);
      return redirect(req, reply, this.previewPath(draft.id, checked.sendAt));
    } catch (err) {
      const errors = this.serviceErrors(err, t);
      if (!errors) throw err;
      return this.form(req, reply, null, values, errors, 400);
    }
  }

  @Get(':id')
  @Allow(...READERS)
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('page') pageParam: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return render(
      req,
      reply,
      'programme/communication.njk',
      await this.showView(actor, id, pageNumber(pageParam)),
    );
  }

  @Get(':id/preview')
  @Allow(...READERS)
  async preview(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('sendAt') sendAtParam: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.previewPage(actor, id, carriedSendAt(sendAtParam), req, reply, [], 200);
  }

  @Get(':id/edit')
  @Allow('programme_admin')
  async editForm(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('sendAt') sendAtParam: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const c = await this.communications.get(actor, id);
    if (c.status !== 'draft') return redirect(req, reply, `/programme/communications/${id}`);
    const values = draftValues(c, carriedSendAt(sendAtParam));
    return this.form(req, reply, id, values, [], 200);
  }

  @Post(':id/edit')
  @Allow('programme_admin')
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    await this.communications.find(actor, id);
    const values = composeValues(body);
    const checked = await this.check(values, t);
    if ('errors' in checked) return this.form(req, reply, id, values, checked.errors, 400);
    const version = /^[1-9]\d{0,8}$/.test(values.version) ? Number(values.version) : 0;
    try {
      await this.communications.update(actor, id, {
        ...checked.dto,
        // A cleared acknowledge-by date is not something the API's PATCH can express:
        // keep whatever was typed (empty keeps the draft's own).
        version,
      });
      return redirect(req, reply, this.previewPath(id, checked.sendAt));
    } catch (err) {
      const errors = this.serviceErrors(err, t);
      if (!errors) throw err;
      const status = err instanceof ProblemException ? err.getStatus() : 400;
      return this.form(req, reply, id, values, errors, status);
    }
  }

  @Post(':id/send')
  @Allow('programme_admin')
  async send(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const posted = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    await this.communications.find(actor, id);
    const raw = posted.sendAt;
    const sendAt = raw === undefined || raw === '' ? null : carriedSendAt(raw);
    if (raw !== undefined && raw !== '' && !sendAt) {
      const errors = [{ field: 'send', text: t('comms.preview.sendAtPassed') }];
      return this.previewPage(actor, id, null, req, reply, errors, 400);
    }
    try {
      const sent = await this.communications.send(actor, id, {
        ...(sendAt && { sendAt: sendAt.toISOString() }),
      });
      return redirect(req, reply, `/programme/communications/${id}`, {
        key: sent.status === 'scheduled' ? 'comms.flash.scheduled' : 'comms.flash.sent',
      });
    } catch (err) {
      const why = this.refusal(err, t);
      if (!why) throw err;
      return this.previewPage(actor, id, sendAt, req, reply, [{ field: 'send', text: why }], 409);
    }
  }

  @Post(':id/cancel')
  @Allow('programme_admin')
  async cancel(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    await this.communications.find(actor, id);
    const posted = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const note = typeof posted.note === 'string' ? posted.note.trim() : '';
    const { dto, errors } = await validateForm(
      CancelCommunicationDto,
      note ? { note } : {},
      'comms.forms.cancel',
      t,
    );
    const again = async (errs: FormError[], status: number) =>
      render(
        req,
        reply,
        'programme/communication.njk',
        {
          ...(await this.showView(actor, id, 1)),
          errorList: summary(errs),
          errors: inlineErrors(errs),
          note,
        },
        status,
      );
    if (errors.length) return again(errors, 400);
    try {
      await this.communications.cancel(actor, id, dto);
    } catch (err) {
      const why = this.refusal(err, t);
      if (!why) throw err;
      return again([{ field: 'status', text: why }], 409);
    }
    return redirect(req, reply, `/programme/communications/${id}`, {
      key: 'comms.flash.cancelled',
    });
  }

  /** The form through the API's DTO rules, plus the dates the form adds. */
  private async check(
    values: ComposeValues,
    t: TFunction,
  ): Promise<{ dto: CreateCommunicationDto; sendAt: Date | null } | { errors: FormError[] }> {
    const { input, sendAt, errors: dateErrors } = composeInput(values, t);
    const { dto, errors } = await validateForm(CreateCommunicationDto, input, FORM, t);
    const all = [...errors, ...dateErrors];
    const order = [
      'subjectTemplate',
      'bodyTemplate',
      'topic',
      'mandatory',
      'audience',
      'channels',
      'acknowledgeBy',
      'when',
      'sendAt',
      'sendTime',
    ];
    all.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
    return all.length ? { errors: all } : { dto, sendAt };
  }

  /** A service's 400 (unknown placeholders, unknown ids) as form errors; null otherwise. */
  private serviceErrors(err: unknown, t: TFunction): FormError[] | null {
    if (!(err instanceof ProblemException)) return null;
    if (err.getStatus() === 409) {
      const why = this.refusal(err, t);
      return why ? [{ field: 'subjectTemplate', text: why }] : null;
    }
    if (err.getStatus() !== 400) return null;
    const fields = err.extensions.errors ?? [];
    if (fields.length === 0) return null;
    return fields.map((f) => {
      const field = f.field.startsWith('audience') ? 'audience' : f.field;
      return {
        field,
        text:
          field === 'subjectTemplate' || field === 'bodyTemplate'
            ? t(`${FORM}.${field}.template`, { detail: f.message })
            : t(`${FORM}.audience.unknown`),
      };
    });
  }

  private refusal(err: unknown, t: TFunction): string | null {
    if (!(err instanceof ProblemException)) return null;
    const status = err.getStatus();
    if (status !== 409 && status !== 422) return null;
    const own = t(`comms.refusals.${err.code}`, { defaultValue: '' });
    return own || t('refusals.other', { detail: err.message });
  }

  private previewPath(id: string, sendAt: Date | null): string {
    const q = sendAt ? `?${new URLSearchParams({ sendAt: sendAt.toISOString() }).toString()}` : '';
    return `/programme/communications/${id}/preview${q}`;
  }

  /** The compose form (new or a draft's Change) with the options read in one statement. */
  private async form(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string | null,
    values: ComposeValues,
    errors: FormError[],
    status: number,
  ) {
    const options = await this.overview.audienceOptions();
    const t = tFor((req as PageRequest).lang);
    const items = (name: string, choices: { value: string; text: string }[]) =>
      choices.map((c) => ({
        value: c.value,
        text: c.text,
        checked: (name === 'channels'
          ? values.channels
          : values.audience[name as (typeof AUDIENCE_LISTS)[number]]
        ).includes(c.value),
      }));
    const fixed = (name: keyof typeof FIXED_CHOICES) =>
      items(
        name,
        FIXED_CHOICES[name].map((v) => ({ value: v, text: t(`comms.choices.${name}.${v}`) })),
      );
    return render(
      req,
      reply,
      'programme/communication-form.njk',
      {
        draftId: id,
        values,
        choices: {
          channels: fixed('channels'),
          serviceIds: items('serviceIds', options.services),
          onboardingStatuses: fixed('onboardingStatuses'),
          productStatuses: fixed('productStatuses'),
          certificateStatuses: fixed('certificateStatuses'),
          nations: fixed('nations'),
          regions: items(
            'regions',
            options.regions.map((r) => ({ value: r, text: r })),
          ),
          councilGroupIds: items('councilGroupIds', options.councilGroups),
          supplierIds: items('supplierIds', options.suppliers),
        },
        placeholders: Object.entries(PLACEHOLDERS).map(([name]) => ({
          name,
          text: t(`comms.placeholders.${name.replace('.', '_')}`),
        })),
        lists: Object.entries(LIST_PLACEHOLDERS).map(([name, fields]) => ({ name, fields })),
        errorList: summary(errors),
        errors: inlineErrors(errors),
      },
      status,
    );
  }

  private async previewPage(
    actor: Actor,
    id: string,
    sendAt: Date | null,
    req: FastifyRequest,
    reply: FastifyReply,
    errors: FormError[],
    status: number,
  ) {
    const [c, preview, suppliers] = await Promise.all([
      this.communications.get(actor, id),
      this.communications.preview(actor, id),
      this.communications.audienceSuppliers(actor, id),
    ]);
    return render(
      req,
      reply,
      'programme/communication-preview.njk',
      {
        c,
        preview,
        suppliers,
        sendAt: sendAt?.toISOString() ?? null,
        changeHref: `/programme/communications/${id}/edit${
          sendAt ? `?${new URLSearchParams({ sendAt: sendAt.toISOString() }).toString()}` : ''
        }`,
        canSend: actor.role === 'programme_admin' && c.status === 'draft',
        errorList: summary(errors),
      },
      status,
    );
  }

  /** A communication with its counters, a page of deliveries and every acknowledgement state. */
  private async showView(actor: Actor, id: string, page: number) {
    const c = await this.communications.get(actor, id);
    const [deliveries, acks] = await Promise.all([
      this.deliveries.list(
        actor,
        id,
        plainToInstance(DeliveryQueryDto, { page, limit: RECIPIENTS_PAGE }),
      ),
      this.acknowledgements.list(actor, id, plainToInstance(PageQueryDto, { limit: 500 })),
    ]);
    const pages = pageCount(deliveries.meta.total, RECIPIENTS_PAGE);
    const link = (n: number) => `/programme/communications/${id}?page=${n}`;
    return {
      c,
      deliveries: deliveries.data,
      deliveriesTotal: deliveries.meta.total,
      pagination: pageLinks(page, pages, link),
      acks: acks.data,
      acksTotal: acks.meta.total,
      canCancel:
        actor.role === 'programme_admin' && (c.status === 'draft' || c.status === 'scheduled'),
      canPreview: c.status === 'draft',
    };
  }
}
