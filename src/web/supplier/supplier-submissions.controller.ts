import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { plainToInstance } from 'class-transformer';
import type { TFunction } from 'i18next';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { ProblemException } from '../../common/errors/problem.exception.js';
import { SubmissionQueryDto } from '../../conformance/dto/submission.dto.js';
import { SubmissionReviewService } from '../../conformance/submission-review.service.js';
import { SubmissionsService } from '../../conformance/submissions.service.js';
import { ProductQueryDto } from '../../products/dto/product.dto.js';
import { ProductsService } from '../../products/products.service.js';
import { tFor } from '../i18n.js';
import { PageController } from '../page.decorator.js';
import { type PageRequest, redirect, render } from '../page-request.js';
import { type SubmissionPage, SubmissionPageLoader } from './submission-page-loader.js';
import { postedVersion, submissionRefusal } from './submission-pages.js';

/**
 * A conformance submission as a GOV.UK task list: the list of the supplier's submissions,
 * the task list itself, "Check your answers", submit, and the review outcome. Answers and
 * samples have their own controllers; every rule is the conformance services'.
 */
@PageController('supplier/submissions')
export class SupplierSubmissionsController {
  constructor(
    private readonly loader: SubmissionPageLoader,
    private readonly submissions: SubmissionsService,
    private readonly review: SubmissionReviewService,
    private readonly products: ProductsService,
  ) {}

  @Get()
  @Allow('supplier')
  async list(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const [page, products] = await Promise.all([
      this.submissions.list(actor, plainToInstance(SubmissionQueryDto, { limit: 500 })),
      this.products.list(actor, plainToInstance(ProductQueryDto, { limit: 500 })),
    ]);
    const name = new Map(products.data.map((p) => [p.id, p.name]));
    const rows = page.data.map((s) => ({ ...s, productName: name.get(s.productId) ?? '' }));
    return render(req, reply, 'supplier/submissions.njk', { submissions: rows });
  }

  @Get(':id')
  @Allow('supplier')
  async taskList(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const page = await this.loader.load(actor, id);
    return render(req, reply, 'supplier/submission.njk', page);
  }

  @Get(':id/check')
  @Allow('supplier')
  async check(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return render(req, reply, 'supplier/submission-check.njk', await this.loader.load(actor, id));
  }

  @Post(':id/submit')
  @Allow('supplier')
  async submit(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const page = await this.loader.load(actor, id);
    try {
      await this.review.submit(actor, id, { version: postedVersion(body?.version) });
    } catch (err) {
      const errorList = this.submitErrors(err, page, t);
      if (!errorList) throw err;
      const status = err instanceof ProblemException ? err.getStatus() : 400;
      return render(req, reply, 'supplier/submission-check.njk', { ...page, errorList }, status);
    }
    return redirect(req, reply, `/supplier/submissions/${id}`, {
      key: 'submissions.flash.submitted',
      params: { name: page.product.name },
    });
  }

  @Get(':id/outcome')
  @Allow('supplier')
  async outcome(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return render(req, reply, 'supplier/submission-outcome.njk', await this.loader.load(actor, id));
  }

  /** Why submit was refused, each reason linking to where to fix it; null if unexpected. */
  private submitErrors(err: unknown, page: SubmissionPage, t: TFunction) {
    if (!(err instanceof ProblemException)) return null;
    const base = `/supplier/submissions/${page.submission.id}`;
    if (err.code === 'must_unanswered') {
      const where = new Map(page.categories.flatMap((c) => c.items.map((i) => [i.code, c.n])));
      return (err.extensions.errors ?? []).map((f) => {
        const code = /^items\[(.+)\]/.exec(f.field)?.[1] ?? '';
        return {
          text: t('submissions.check.mustUnanswered', { code }),
          href: `${base}/categories/${where.get(code) ?? 1}#answer-${code}`,
        };
      });
    }
    if (err.code === 'samples_missing') {
      return (err.extensions.errors ?? []).map((f) => ({
        text: t('submissions.check.sampleMissing', {
          standard: /^samples\[(.+)\]/.exec(f.field)?.[1] ?? '',
        }),
        href: `${base}/samples`,
      }));
    }
    const why = submissionRefusal(err, t);
    return why ? [{ text: why, href: '#submit' }] : null;
  }
}
