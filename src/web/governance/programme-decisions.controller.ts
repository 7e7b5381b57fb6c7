import { Body, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { DECISION_STATUSES } from '../../decisions/decision-lifecycle.js';
import { DecisionsService } from '../../decisions/decisions.service.js';
import { CreateDecisionDto } from '../../decisions/dto/create-decision.dto.js';
import { DecisionQueryDto } from '../../decisions/dto/decision-query.dto.js';
import {
  AcceptDecisionDto,
  RevokeDecisionDto,
} from '../../decisions/dto/decision-transition.dto.js';
import { MeetingQueryDto } from '../../governance/dto/meeting-query.dto.js';
import { GovernanceService } from '../../governance/governance.service.js';
import {
  type FormError,
  inlineErrors,
  serviceFieldErrors,
  summaryList,
  validateForm,
} from '../forms/form-errors.js';
import { tFor } from '../i18n.js';
import { PageController } from '../page.decorator.js';
import { type PageRequest, redirect, render } from '../page-request.js';
import {
  decisionInput,
  governanceRefusal,
  OPTION_SLOTS,
  postedVersion,
  textField,
} from './governance-forms.js';
import { DECISION_TAG, GovernancePageLoader } from './governance-page-loader.js';
import { PROGRAMME_READERS as PROGRAMME } from '../page-roles.js';
import { pageCount, pageLinks } from '../paging.js';

const BASE = { base: '/programme/governance', decisionsBase: '/programme/decisions' };
const DECISION_FORM = 'decisions.forms.decision';
const LIFECYCLE_FORM = 'decisions.forms.lifecycle';

/**
 * The decision log for the programme office: a list with a full-text search (the API's
 * PostgreSQL search over title, context and rationale), a decision's page with its
 * options, links and supersede chain both ways; programme admins record decisions and
 * accept, supersede or revoke them as the lifecycle allows.
 */
@PageController('programme/decisions')
export class ProgrammeDecisionsController {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly governance: GovernanceService,
    private readonly pages: GovernancePageLoader,
  ) {}

  @Get()
  @Allow(...PROGRAMME)
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const input: Record<string, string> = {};
    for (const k of ['q', 'status', 'page']) {
      const v = query[k];
      if (typeof v === 'string' && v.trim() !== '') input[k] = v.trim();
    }
    const { dto, errors } = await validateForm(
      DecisionQueryDto,
      input,
      'decisions.forms.search',
      t,
    );
    const base = {
      ...BASE,
      filters: input,
      statuses: DECISION_STATUSES,
      decisionTag: DECISION_TAG,
      canWrite: actor.role === 'programme_admin',
    };
    if (errors.length) {
      return render(
        req,
        reply,
        'governance/decisions.njk',
        { ...base, decisions: [], errorList: summaryList(errors), errors: inlineErrors(errors) },
        400,
      );
    }
    dto.limit = 50;
    const page = await this.decisions.list(actor, dto);
    const pages = pageCount(page.meta.total, page.meta.limit);
    const link = (n: number) =>
      `/programme/decisions?${new URLSearchParams({ ...input, page: String(n) }).toString()}`;
    return render(req, reply, 'governance/decisions.njk', {
      ...base,
      decisions: page.data,
      total: page.meta.total,
      pagination: pageLinks(page.meta.page, pages, link),
    });
  }

  @Get('new')
  @Allow('programme_admin')
  async form(
    @CurrentActor() actor: Actor,
    @Query('supersedes') supersedes: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const values: Record<string, unknown> = {};
    if (typeof supersedes === 'string' && supersedes !== '') values.supersedesId = supersedes;
    return render(req, reply, 'governance/decision-form.njk', await this.formView(actor, values));
  }

  @Post()
  @Allow('programme_admin')
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const again = async (errors: FormError[], status: number) =>
      render(
        req,
        reply,
        'governance/decision-form.njk',
        {
          ...(await this.formView(actor, body ?? {})),
          errorList: summaryList(errors),
          errors: inlineErrors(errors),
        },
        status,
      );
    const { dto, errors } = await validateForm(
      CreateDecisionDto,
      decisionInput(body),
      DECISION_FORM,
      t,
    );
    if (errors.length) {
      return again(
        errors.map((e) => (e.field === 'options' ? { ...e, field: 'option1Title' } : e)),
        400,
      );
    }
    let id: string;
    try {
      id = (await this.decisions.create(actor, dto)).id;
    } catch (err) {
      const fields = serviceFieldErrors(err, DECISION_FORM, t);
      if (fields) return again(fields, 400);
      const why = governanceRefusal(err, t);
      if (!why) throw err;
      return again([{ field: 'supersedesId', text: why }], 422);
    }
    return redirect(req, reply, `/programme/decisions/${id}`, {
      key: 'decisions.flash.recorded',
    });
  }

  @Get(':id')
  @Allow(...PROGRAMME)
  async one(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return render(req, reply, 'governance/decision.njk', await this.view(actor, id));
  }

  @Post(':id/accept')
  @Allow('programme_admin')
  async accept(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const input = { version: postedVersion(textField(body, 'version')) };
    const { dto, errors } = await validateForm(AcceptDecisionDto, input, LIFECYCLE_FORM, t);
    if (errors.length) return this.again(actor, id, req, reply, [this.general(t)], 400);
    try {
      await this.decisions.accept(actor, id, dto.version);
    } catch (err) {
      const why = governanceRefusal(err, t);
      if (!why) throw err;
      return this.again(actor, id, req, reply, [{ field: 'lifecycle', text: why }], 409);
    }
    return redirect(req, reply, `/programme/decisions/${id}`, { key: 'decisions.flash.accepted' });
  }

  @Post(':id/revoke')
  @Allow('programme_admin')
  async revoke(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const input = {
      reason: textField(body, 'reason'),
      version: postedVersion(textField(body, 'version')),
    };
    const { dto, errors } = await validateForm(RevokeDecisionDto, input, LIFECYCLE_FORM, t);
    if (errors.length) {
      const mine = errors.filter((e) => e.field === 'reason');
      return this.again(actor, id, req, reply, mine.length ? mine : [this.general(t)], 400, body);
    }
    try {
      await this.decisions.revoke(actor, id, dto.reason, dto.version);
    } catch (err) {
      const why = governanceRefusal(err, t);
      if (!why) throw err;
      return this.again(actor, id, req, reply, [{ field: 'lifecycle', text: why }], 409, body);
    }
    return redirect(req, reply, `/programme/decisions/${id}`, { key: 'decisions.flash.revoked' });
  }

  private general(t: ReturnType<typeof tFor>): FormError {
    return { field: 'lifecycle', text: t('decisions.badForm') };
  }

  private async view(actor: Actor, id: string, posted?: Record<string, unknown>) {
    return {
      ...BASE,
      ...(await this.pages.decision(actor, id)),
      canWrite: actor.role === 'programme_admin',
      values: posted ?? {},
    };
  }

  private async again(
    actor: Actor,
    id: string,
    req: FastifyRequest,
    reply: FastifyReply,
    errors: FormError[],
    status: number,
    posted?: Record<string, unknown>,
  ) {
    return render(
      req,
      reply,
      'governance/decision.njk',
      {
        ...(await this.view(actor, id, posted)),
        errorList: summaryList(errors),
        errors: inlineErrors(errors),
      },
      status,
    );
  }

  /** The decision form: the meetings to choose from and, if superseding, the old decision. */
  private async formView(actor: Actor, values: Record<string, unknown>) {
    const meetings = await this.governance.listMeetings(
      actor,
      plainToInstance(MeetingQueryDto, { limit: 100 }),
    );
    const supersedesId = typeof values.supersedesId === 'string' ? values.supersedesId : '';
    const supersedes = /^[0-9a-f-]{36}$/i.test(supersedesId)
      ? await this.decisions.get(actor, supersedesId).catch(() => null)
      : null;
    return {
      ...BASE,
      values,
      supersedes,
      meetings: meetings.data,
      optionSlots: OPTION_SLOTS,
    };
  }
}
