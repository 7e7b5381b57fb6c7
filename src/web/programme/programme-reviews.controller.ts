import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { DecisionDto, VerdictsDto, VersionOnlyDto } from '../../conformance/dto/submission.dto.js';
import { ReviewQueueService } from '../../conformance/review-queue.service.js';
import { SubmissionReviewService } from '../../conformance/submission-review.service.js';
import { SubmissionSamplesService } from '../../conformance/submission-samples.service.js';
import {
  ASSESSMENTS,
  SAMPLE_VERDICTS,
  SUBMISSION_RESULTS,
} from '../../conformance/submission-lifecycle.js';
import { SubmissionsService } from '../../conformance/submissions.service.js';
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
  postedVersion,
  reviewRefusal,
  textField,
  verdictsInput,
} from './review-forms.js';

/** Who reads submissions: the API's readers less suppliers (they have their own pages). */
const REVIEWERS = ['programme_admin', 'programme_viewer'] as const;
const VERDICTS_FORM = 'reviews.forms.verdicts';
const DECISION_FORM = 'reviews.forms.decision';

/**
 * The review queue and one submission's review: claim, verdicts per item and sample, and
 * the decision — through the conformance review service (its rules and audit).
 */
@PageController('programme/reviews')
export class ProgrammeReviewsController {
  constructor(
    private readonly queue: ReviewQueueService,
    private readonly submissions: SubmissionsService,
    private readonly samples: SubmissionSamplesService,
    private readonly review: SubmissionReviewService,
  ) {}

  @Get()
  @Allow(...REVIEWERS)
  async list(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return render(req, reply, 'programme/reviews.njk', {
      entries: await this.queue.waiting(actor),
    });
  }

  @Get(':id')
  @Allow(...REVIEWERS)
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return render(req, reply, 'programme/review.njk', await this.reviewView(actor, id));
  }

  @Post(':id/claim')
  @Allow('programme_admin')
  async claim(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const input = { version: postedVersion(textField(body, 'version')) };
    const { dto, errors } = await validateForm(VersionOnlyDto, input, VERDICTS_FORM, t);
    if (errors.length) return this.again(actor, id, req, reply, [this.general(t)], 400);
    try {
      await this.review.claim(actor, id, dto);
    } catch (err) {
      const why = reviewRefusal(err, t);
      if (!why) throw err;
      return this.again(actor, id, req, reply, [{ field: 'status', text: why }], 409);
    }
    return redirect(req, reply, `/programme/reviews/${id}`, { key: 'reviews.flash.claimed' });
  }

  @Post(':id/verdicts')
  @Allow('programme_admin')
  async verdicts(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const [items, samples] = await Promise.all([
      this.submissions.items(actor, id),
      this.samples.list(actor, id),
    ]);
    const input = verdictsInput(
      body,
      items.data.map((i) => i.code),
      samples.data.map((s) => s.id),
    );
    const { dto, errors } = await validateForm(VerdictsDto, input, VERDICTS_FORM, t);
    if (errors.length) return this.again(actor, id, req, reply, [this.general(t)], 400, body);
    try {
      await this.review.verdicts(actor, id, dto);
    } catch (err) {
      const fields = serviceFieldErrors(err, VERDICTS_FORM, t);
      if (fields) return this.again(actor, id, req, reply, fields, 400, body);
      const why = reviewRefusal(err, t);
      if (!why) throw err;
      return this.again(actor, id, req, reply, [{ field: 'items', text: why }], 409, body);
    }
    return redirect(req, reply, `/programme/reviews/${id}`, { key: 'reviews.flash.verdicts' });
  }

  @Post(':id/decision')
  @Allow('programme_admin')
  async decide(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    await this.queue.entry(actor, id);
    const { dto, errors } = await validateForm(DecisionDto, decisionInput(body), DECISION_FORM, t);
    if (errors.length) return this.again(actor, id, req, reply, errors, 400, body);
    try {
      await this.review.decide(actor, id, dto);
    } catch (err) {
      const fields = serviceFieldErrors(err, DECISION_FORM, t);
      if (fields) return this.again(actor, id, req, reply, fields, 400, body);
      const why = reviewRefusal(err, t);
      if (!why) throw err;
      const field =
        (err as { code?: string }).code === 'failing_standard_checks' ? 'overrideReason' : 'result';
      return this.again(actor, id, req, reply, [{ field, text: why }], 409, body);
    }
    return redirect(req, reply, `/programme/reviews/${id}`, {
      key: `reviews.flash.${dto.result}`,
    });
  }

  private general(t: ReturnType<typeof tFor>): FormError {
    return { field: 'items', text: t('reviews.badForm') };
  }

  /** The review page again with the errors and what was typed. */
  private async again(
    actor: Actor,
    id: string,
    req: FastifyRequest,
    reply: FastifyReply,
    errors: FormError[],
    status: number,
    posted?: Record<string, unknown>,
  ) {
    const view = await this.reviewView(actor, id, posted);
    return render(
      req,
      reply,
      'programme/review.njk',
      { ...view, errorList: summaryList(errors), errors: inlineErrors(errors) },
      status,
    );
  }

  /** Everything the review page shows, read in parallel (404 before anything else). */
  private async reviewView(actor: Actor, id: string, posted?: Record<string, unknown>) {
    const entry = await this.queue.entry(actor, id);
    const [submission, items, samples, history] = await Promise.all([
      this.submissions.get(actor, id),
      this.submissions.items(actor, id),
      this.samples.list(actor, id),
      this.submissions.history(actor, id),
    ]);
    const standardCode = new Map(samples.standards.map((s) => [s.id, `${s.code} ${s.version}`]));
    const canAct = actor.role === 'programme_admin';
    return {
      entry,
      submission,
      items: items.data,
      samples: samples.data.map((s) => ({ ...s, standard: standardCode.get(s.standardId) ?? '' })),
      history: history.data.slice().reverse(),
      canClaim: canAct && submission.status === 'submitted',
      canReview: canAct && submission.status === 'in_review',
      assessments: ASSESSMENTS,
      sampleVerdicts: SAMPLE_VERDICTS,
      results: SUBMISSION_RESULTS,
      values: posted ?? {},
    };
  }
}
