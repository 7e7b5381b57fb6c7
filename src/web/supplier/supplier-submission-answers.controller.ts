import { Body, Get, Param, ParseIntPipe, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { ProblemException } from '../../common/errors/problem.exception.js';
import { type AnswerItemsDto, ItemAnswerDto } from '../../conformance/dto/submission.dto.js';
import { ASSESSMENTS } from '../../conformance/submission-lifecycle.js';
import { SubmissionsService } from '../../conformance/submissions.service.js';
import { type FormError, inlineErrors, summaryList, validateForm } from '../forms/form-errors.js';
import { tFor } from '../i18n.js';
import { PageController } from '../page.decorator.js';
import { type PageRequest, redirect, render } from '../page-request.js';
import { type SubmissionPage, SubmissionPageLoader } from './submission-page-loader.js';
import { postedVersion, submissionRefusal, textField } from './submission-pages.js';

const FORM = 'submissions.forms.answer';

/** The category's n-th page, or the 404 page when there is no such category. */
function categoryOf(page: SubmissionPage, n: number) {
  const category = page.categories.find((c) => c.n === n);
  if (!category) throw ProblemException.notFound('Requirement category', String(n));
  return category;
}

/**
 * One page per requirement category: each requirement (code, level, text, acceptance
 * criteria, the reviewer's verdict after a review) with its answer and evidence. Saving
 * the page confirms answers copied forward from the last approved submission.
 */
@PageController('supplier/submissions')
export class SupplierSubmissionAnswersController {
  constructor(
    private readonly loader: SubmissionPageLoader,
    private readonly submissions: SubmissionsService,
  ) {}

  @Get(':id/categories/:n')
  @Allow('supplier')
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('n', ParseIntPipe) n: number,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const page = await this.loader.load(actor, id);
    const category = categoryOf(page, n);
    const values = Object.fromEntries(
      category.items.map((i) => [
        i.code,
        { selfAssessment: i.selfAssessment ?? '', evidenceText: i.evidenceText ?? '' },
      ]),
    );
    return render(req, reply, 'supplier/submission-category.njk', {
      ...page,
      category,
      values,
      assessments: ASSESSMENTS,
    });
  }

  @Post(':id/categories/:n')
  @Allow('supplier')
  async save(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('n', ParseIntPipe) n: number,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const page = await this.loader.load(actor, id);
    const category = categoryOf(page, n);
    const values = Object.fromEntries(
      category.items.map((i) => [
        i.code,
        {
          selfAssessment: textField(body, `answer-${i.code}`),
          evidenceText: textField(body, `evidence-${i.code}`),
        },
      ]),
    );
    const errors: FormError[] = [];
    const items: ItemAnswerDto[] = [];
    for (const item of category.items) {
      const v = values[item.code];
      const input = {
        code: item.code,
        selfAssessment: v.selfAssessment === '' ? null : v.selfAssessment,
        evidenceText: v.evidenceText,
      };
      const checked = await validateForm(ItemAnswerDto, input, FORM, t);
      const field = (f: string) => (f === 'evidenceText' ? 'evidence' : 'answer');
      // The code comes from the requirement set, not from the form: only answers are checked.
      errors.push(
        ...checked.errors
          .filter((e) => e.field !== 'code')
          .map((e) => ({ field: `${field(e.field)}-${item.code}`, text: e.text })),
      );
      items.push(checked.dto);
    }
    const again = (errs: FormError[], status: number) =>
      render(
        req,
        reply,
        'supplier/submission-category.njk',
        {
          ...page,
          category,
          values,
          assessments: ASSESSMENTS,
          errorList: summaryList(errs),
          errors: inlineErrors(errs),
        },
        status,
      );
    if (errors.length > 0) return again(errors, 400);
    const dto: AnswerItemsDto = { version: postedVersion(body?.version), items };
    try {
      await this.submissions.answer(actor, id, dto);
    } catch (err) {
      const why = submissionRefusal(err, t);
      if (!why) throw err;
      const first = category.items[0]?.code ?? '';
      return again([{ field: `answer-${first}`, text: why }], 409);
    }
    return redirect(req, reply, `/supplier/submissions/${id}`, {
      key: 'submissions.flash.answersSaved',
      params: { category: category.name || t('submissions.uncategorised') },
    });
  }
}
