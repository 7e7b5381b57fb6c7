import { Body, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TFunction } from 'i18next';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { LinkedDecisionsService } from '../../decisions/linked-decisions.service.js';
import { CreateRiskReviewDto } from '../../risks/dto/create-risk-review.dto.js';
import { CreateRiskDto } from '../../risks/dto/create-risk.dto.js';
import {
  CreateMitigationActionDto,
  UpdateMitigationActionDto,
} from '../../risks/dto/mitigation-action.dto.js';
import { RealiseRiskDto } from '../../risks/dto/realise-risk.dto.js';
import { RiskTransitionDto } from '../../risks/dto/risk-transition.dto.js';
import { UpdateRiskDto } from '../../risks/dto/update-risk.dto.js';
import { MitigationActionsService } from '../../risks/mitigation-actions.service.js';
import {
  ESCALATION_LEVELS,
  needsReason,
  OPEN_STATUSES,
  RAGS,
  REALISABLE_FROM,
  RISK_CATEGORIES,
  RISK_KINDS,
  RISK_SCOPES,
  RISK_STATUSES,
  RISK_TRANSITIONS,
  RISK_TREATMENTS,
} from '../../risks/risk-lifecycle.js';
import { RiskLifecycleService } from '../../risks/risk-lifecycle.service.js';
import { RiskReportsService } from '../../risks/risk-reports.service.js';
import { RiskReviewsService } from '../../risks/risk-reviews.service.js';
import type { RiskView } from '../../risks/risk-views.js';
import { RisksService } from '../../risks/risks.service.js';
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
import { heatmapCells } from './risk-heatmap.js';
import {
  ACTION_FIELDS,
  actionInput,
  actionStatusInput,
  createRiskInput,
  REALISE_FIELDS,
  realiseInput,
  reviewInput,
  RISK_FILTERS,
  RiskPageQueryDto,
  riskRefusal,
  transitionInput,
  updateRiskInput,
} from './risk-forms.js';
import { type RiskNames, RiskPageReader } from './risk-page-reader.js';
import { PROGRAMME_READERS as READERS } from '../page-roles.js';
import { pageCount, pageLinks } from '../paging.js';

const ADMIN = 'programme_admin';
const LIST_FORM = 'risks.forms.filter';
const RISK_FORM = 'risks.forms.risk';
const REVIEW_FORM = 'risks.forms.review';
const TRANSITION_FORM = 'risks.forms.transition';
const REALISE_FORM = 'risks.forms.realise';
const ACTION_FORM = 'risks.forms.action';
const SCORES = [1, 2, 3, 4, 5];

type FormBody = Record<string, unknown>;
/** Which form on the risk's page an error belongs to (its values are kept, its errors shown). */
type RiskPageForm = 'review' | 'transition' | 'realise' | 'action' | 'actionStatus';

/** Renames a form's field errors to the ids the page gives them (e.g. title → actionTitle). */
const renamed = (errors: FormError[], names: Record<string, string>) =>
  errors.map((e) => ({ ...e, field: names[e.field] ?? e.field }));

/** Where each form's errors link when they are not about one field (a missing version). */
const ANCHOR: Record<RiskPageForm | 'risk', string> = {
  risk: 'title',
  review: 'note',
  transition: 'to',
  realise: 'issueTitle',
  action: 'actionTitle',
  actionStatus: 'actions',
};

/** A hidden version that is missing or not a number: the page was out of date or forged. */
const versionErrors = (errors: FormError[], form: RiskPageForm | 'risk', t: TFunction) =>
  errors.map((e) =>
    e.field === 'version' ? { field: ANCHOR[form], text: t('risks.staleForm') } : e,
  );

/**
 * The risk register as the programme office reads and runs it: the list with its
 * filters and the 5 × 5 heatmap, one entry's page (scores, reviews, mitigation actions,
 * history, linked decisions), and the admin's create, edit, review, status moves,
 * realise and actions — all through the risks module's services (rules, versions, audit).
 */
@PageController('programme/risks')
export class ProgrammeRisksController {
  constructor(
    private readonly risks: RisksService,
    private readonly lifecycle: RiskLifecycleService,
    private readonly reviews: RiskReviewsService,
    private readonly actions: MitigationActionsService,
    private readonly reports: RiskReportsService,
    private readonly decisions: LinkedDecisionsService,
    private readonly reader: RiskPageReader,
  ) {}

  @Get()
  @Allow(...READERS)
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const input: Record<string, string> = {};
    for (const k of RISK_FILTERS) {
      const v = query[k];
      if (typeof v === 'string' && v !== '') input[k] = v;
    }
    const { dto, errors } = await validateForm(RiskPageQueryDto, input, LIST_FORM, t);
    const options = await this.reader.options();
    const base = {
      filters: input,
      options,
      choices: this.choices(),
      canEdit: actor.role === ADMIN,
    };
    if (errors.length) {
      return render(
        req,
        reply,
        'programme/risks.njk',
        { ...base, errorList: summaryList(errors), fieldErrors: inlineErrors(errors) },
        400,
      );
    }
    dto.limit = 25;
    const { likelihood, impact, page: _page, limit: _limit, ...filters } = dto;
    const [page, heatmap] = await Promise.all([
      this.risks.list(actor, dto),
      this.reports.heatmap(actor, Object.assign(new RiskPageQueryDto(), filters)),
    ]);
    const names = await this.reader.names(page.data);
    const pages = pageCount(page.meta.total, page.meta.limit);
    const link = (n: number) =>
      `/programme/risks?${new URLSearchParams({ ...input, page: String(n) }).toString()}#register`;
    const withoutCell = Object.fromEntries(
      Object.entries(input).filter(([k]) => !['likelihood', 'impact', 'page'].includes(k)),
    );
    return render(req, reply, 'programme/risks.njk', {
      ...base,
      risks: page.data.map((r) => this.row(r, names)),
      total: page.meta.total,
      page: page.meta.page,
      pages,
      heatmap: { ...heatmapCells(heatmap, input, { likelihood, impact }), total: heatmap.total },
      cell: likelihood !== undefined || impact !== undefined ? { likelihood, impact } : null,
      clearCell: `/programme/risks?${new URLSearchParams(withoutCell).toString()}#register`,
      pagination: pageLinks(page.meta.page, pages, link),
    });
  }

  @Get('new')
  @Allow(ADMIN)
  async newRisk(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.form(req, reply, null, {});
  }

  @Post()
  @Allow(ADMIN)
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: FormBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const { dto, errors } = await validateForm(CreateRiskDto, createRiskInput(body), RISK_FORM, t);
    if (errors.length) return this.form(req, reply, null, body ?? {}, errors, 400);
    let created: RiskView;
    try {
      created = await this.risks.create(actor, dto);
    } catch (err) {
      const refused = this.refusal(err, RISK_FORM, t, 'scope');
      if (!refused) throw err;
      return this.form(req, reply, null, body ?? {}, refused.errors, refused.status);
    }
    return redirect(req, reply, `/programme/risks/${created.id}`, {
      key: 'risks.flash.created',
      params: { reference: created.reference },
    });
  }

  @Get(':id')
  @Allow(...READERS)
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return render(req, reply, 'programme/risk.njk', await this.riskView(actor, id));
  }

  @Get(':id/edit')
  @Allow(ADMIN)
  async edit(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const risk = await this.risks.get(actor, id);
    return this.form(req, reply, risk, this.formValues(risk));
  }

  @Post(':id')
  @Allow(ADMIN)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FormBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const risk = await this.risks.get(actor, id);
    const { dto, errors } = await validateForm(UpdateRiskDto, updateRiskInput(body), RISK_FORM, t);
    if (errors.length) return this.form(req, reply, risk, body ?? {}, errors, 400);
    try {
      await this.risks.update(actor, id, dto);
    } catch (err) {
      const refused = this.refusal(err, RISK_FORM, t, 'title');
      if (!refused) throw err;
      return this.form(req, reply, risk, body ?? {}, refused.errors, refused.status);
    }
    return redirect(req, reply, `/programme/risks/${id}`, {
      key: 'risks.flash.updated',
      params: { reference: risk.reference },
    });
  }

  @Post(':id/reviews')
  @Allow(ADMIN)
  async review(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FormBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    await this.risks.get(actor, id);
    const { dto, errors } = await validateForm(
      CreateRiskReviewDto,
      reviewInput(body),
      REVIEW_FORM,
      t,
    );
    if (errors.length) return this.again(actor, id, req, reply, 'review', errors, 400, body);
    try {
      await this.reviews.record(actor, id, dto);
    } catch (err) {
      const refused = this.refusal(err, REVIEW_FORM, t, 'note');
      if (!refused) throw err;
      return this.again(actor, id, req, reply, 'review', refused.errors, refused.status, body);
    }
    return redirect(req, reply, `/programme/risks/${id}`, { key: 'risks.flash.reviewed' });
  }

  @Post(':id/transitions')
  @Allow(ADMIN)
  async transition(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FormBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    await this.risks.get(actor, id);
    const { dto, errors } = await validateForm(
      RiskTransitionDto,
      transitionInput(body),
      TRANSITION_FORM,
      t,
    );
    if (errors.length) return this.again(actor, id, req, reply, 'transition', errors, 400, body);
    try {
      await this.lifecycle.transition(actor, id, dto);
    } catch (err) {
      const refused = this.refusal(err, TRANSITION_FORM, t, 'to');
      if (!refused) throw err;
      return this.again(actor, id, req, reply, 'transition', refused.errors, refused.status, body);
    }
    return redirect(req, reply, `/programme/risks/${id}`, {
      key: 'risks.flash.moved',
      params: { status: t(`risks.status.${dto.to}`) },
    });
  }

  @Post(':id/realise')
  @Allow(ADMIN)
  async realise(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FormBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    await this.risks.get(actor, id);
    const { dto, errors } = await validateForm(RealiseRiskDto, realiseInput(body), REALISE_FORM, t);
    if (errors.length) {
      return this.again(
        actor,
        id,
        req,
        reply,
        'realise',
        renamed(errors, REALISE_FIELDS),
        400,
        body,
      );
    }
    let issue: RiskView;
    try {
      ({ issue } = await this.lifecycle.realise(actor, id, dto));
    } catch (err) {
      const refused = this.refusal(err, REALISE_FORM, t, 'issueTitle');
      if (!refused) throw err;
      const errs = renamed(refused.errors, REALISE_FIELDS);
      return this.again(actor, id, req, reply, 'realise', errs, refused.status, body);
    }
    return redirect(req, reply, `/programme/risks/${issue.id}`, {
      key: 'risks.flash.realised',
      params: { reference: issue.reference },
    });
  }

  @Post(':id/actions')
  @Allow(ADMIN)
  async addAction(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FormBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    await this.risks.get(actor, id);
    const { dto, errors } = await validateForm(
      CreateMitigationActionDto,
      actionInput(body),
      ACTION_FORM,
      t,
    );
    if (errors.length) {
      return this.again(actor, id, req, reply, 'action', renamed(errors, ACTION_FIELDS), 400, body);
    }
    try {
      await this.actions.create(actor, id, dto);
    } catch (err) {
      const refused = this.refusal(err, ACTION_FORM, t, 'actionTitle');
      if (!refused) throw err;
      const errs = renamed(refused.errors, ACTION_FIELDS);
      return this.again(actor, id, req, reply, 'action', errs, refused.status, body);
    }
    return redirect(req, reply, `/programme/risks/${id}#actions`, {
      key: 'risks.flash.actionAdded',
      params: { title: dto.title },
    });
  }

  @Post(':id/actions/:actionId')
  @Allow(ADMIN)
  async actionStatus(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('actionId', ParseUUIDPipe) actionId: string,
    @Body() body: FormBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    await this.risks.get(actor, id);
    const { dto, errors } = await validateForm(
      UpdateMitigationActionDto,
      actionStatusInput(body),
      ACTION_FORM,
      t,
    );
    const general = [{ field: 'actions', text: t('risks.badActionForm') }];
    if (errors.length || !dto.status) {
      return this.again(actor, id, req, reply, 'actionStatus', general, 400);
    }
    try {
      await this.actions.update(actor, id, actionId, dto);
    } catch (err) {
      const refused = this.refusal(err, ACTION_FORM, t, 'actions');
      if (!refused) throw err;
      const errs = refused.status === 400 ? general : refused.errors;
      return this.again(actor, id, req, reply, 'actionStatus', errs, refused.status);
    }
    return redirect(req, reply, `/programme/risks/${id}#actions`, {
      key: `risks.flash.action.${dto.status}`,
    });
  }

  /**
   * A service's refusal as form errors and status: 400 with fields (e.g. a reason needed
   * to close), 409/422 (stale version, not open, illegal move) as one message on `field`.
   */
  private refusal(
    err: unknown,
    form: string,
    t: TFunction,
    field: string,
  ): { errors: FormError[]; status: number } | null {
    const fields = serviceFieldErrors(err, form, t);
    if (fields) return { errors: fields, status: 400 };
    const why = riskRefusal(err, t);
    if (!why) return null;
    const status = (err as { getStatus(): number }).getStatus();
    const target = (err as { extensions?: { field?: string } }).extensions?.field;
    return { errors: [{ field: target ?? field, text: why }], status };
  }

  /** The enumerations the filters and forms offer. */
  private choices() {
    return {
      kinds: RISK_KINDS,
      statuses: RISK_STATUSES,
      categories: RISK_CATEGORIES,
      rags: RAGS,
      scopes: RISK_SCOPES,
      treatments: RISK_TREATMENTS,
      escalations: ESCALATION_LEVELS,
      scores: SCORES,
    };
  }

  private row(r: RiskView, names: RiskNames) {
    return {
      ...r,
      ownerName: r.ownerUserId ? (names.users.get(r.ownerUserId) ?? '') : '',
      ownerOrganisationName: names.organisations.get(r.ownerOrganisationId) ?? '',
      placedOn:
        (r.serviceId && names.services.get(r.serviceId)) ||
        (r.supplierId && names.organisations.get(r.supplierId)) ||
        (r.councilId && names.organisations.get(r.councilId)) ||
        '',
    };
  }

  private formValues(r: RiskView): Record<string, unknown> {
    return {
      version: String(r.version),
      title: r.title,
      description: r.description,
      category: r.category,
      treatment: r.treatment,
      escalationLevel: r.escalationLevel,
      likelihood: String(r.residual.likelihood),
      impact: String(r.residual.impact),
    };
  }

  /** The create (risk = null) or edit form, with what was typed and any errors. */
  private async form(
    req: FastifyRequest,
    reply: FastifyReply,
    risk: RiskView | null,
    values: Record<string, unknown>,
    errors: FormError[] = [],
    status = 200,
  ) {
    const shown = versionErrors(errors, 'risk', tFor((req as PageRequest).lang));
    return render(
      req,
      reply,
      'programme/risk-form.njk',
      {
        risk,
        values:
          risk && values.version === undefined ? { ...values, version: risk.version } : values,
        options: await this.reader.options(),
        choices: this.choices(),
        errorList: summaryList(shown),
        errors: inlineErrors(shown),
      },
      status,
    );
  }

  /** The risk's page again with one form's errors and what was typed in it. */
  private async again(
    actor: Actor,
    id: string,
    req: FastifyRequest,
    reply: FastifyReply,
    form: RiskPageForm,
    errors: FormError[],
    status: number,
    posted?: FormBody,
  ) {
    const view = await this.riskView(actor, id);
    const shown = versionErrors(errors, form, tFor((req as PageRequest).lang));
    return render(
      req,
      reply,
      'programme/risk.njk',
      {
        ...view,
        form,
        values: posted ?? {},
        errorList: summaryList(shown),
        errors: inlineErrors(shown),
      },
      status,
    );
  }

  /** Everything a risk's page shows, read in parallel (404 first for an unknown id). */
  private async riskView(actor: Actor, id: string) {
    const risk = await this.risks.get(actor, id);
    const [reviews, actions, history, scores, decisions] = await Promise.all([
      this.reviews.list(actor, id),
      this.actions.list(actor, id),
      this.risks.history(actor, id),
      this.risks.scores(actor, id),
      this.decisions.forRisk(actor, id),
    ]);
    const names = await this.reader.names(
      [risk],
      actions.data.map((a) => a.ownerUserId),
    );
    const canEdit = actor.role === ADMIN;
    const open = OPEN_STATUSES.includes(risk.status);
    const moves = RISK_TRANSITIONS[risk.status].map((to) => ({
      to,
      label: risk.status === 'closed' ? 'reopen' : to,
      needsReason: needsReason(risk.status, to),
    }));
    return {
      risk: this.row(risk, names),
      reviews: reviews.data,
      actions: actions.data.map((a) => ({
        ...a,
        ownerName: a.ownerUserId ? (names.users.get(a.ownerUserId) ?? '') : '',
      })),
      history: history.data.slice().reverse(),
      scores: scores.data.slice().reverse(),
      decisions: decisions.decisions,
      canEdit,
      canChange: canEdit && open,
      moves: canEdit ? moves : [],
      canRealise: canEdit && risk.kind === 'risk' && REALISABLE_FROM.includes(risk.status),
      scoresChoice: SCORES,
      form: null as RiskPageForm | null,
      values: {} as FormBody,
    };
  }
}
