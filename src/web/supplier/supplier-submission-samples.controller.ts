import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TFunction } from 'i18next';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { AddSampleDto } from '../../conformance/dto/submission.dto.js';
import { SubmissionSamplesService } from '../../conformance/submission-samples.service.js';
import { type FormError, inlineErrors, summaryList, validateForm } from '../forms/form-errors.js';
import { tFor } from '../i18n.js';
import { PageController } from '../page.decorator.js';
import { type PageRequest, redirect, render } from '../page-request.js';
import { type SubmissionPage, SubmissionPageLoader } from './submission-page-loader.js';
import { pointerInWords, postedVersion, submissionRefusal, textField } from './submission-pages.js';

const FORM = 'submissions.forms.sample';

/** Largest pasted payload the form takes (the app's body limit also applies). */
const MAX_PAYLOAD = 200_000;

/**
 * Sample payloads pasted as JSON: each is checked against its standard's schema by the
 * conformance service as it is saved, and the page lists every error with its JSON pointer
 * in plain words. A sample cannot be changed, only removed and added again (as in the API).
 */
@PageController('supplier/submissions')
export class SupplierSubmissionSamplesController {
  constructor(
    private readonly loader: SubmissionPageLoader,
    private readonly samples: SubmissionSamplesService,
  ) {}

  @Get(':id/samples')
  @Allow('supplier')
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const page = await this.loader.load(actor, id);
    const t = tFor((req as PageRequest).lang);
    return render(req, reply, 'supplier/submission-samples.njk', this.view(page, t, {}));
  }

  @Post(':id/samples')
  @Allow('supplier')
  async add(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const page = await this.loader.load(actor, id);
    const values = {
      standardId: textField(body, 'standardId'),
      label: textField(body, 'label'),
      payload: textField(body, 'payload'),
    };
    const again = (errs: FormError[], status: number) =>
      render(
        req,
        reply,
        'supplier/submission-samples.njk',
        this.view(page, t, values, errs),
        status,
      );
    const parsed = parseJson(values.payload, t);
    const { dto, errors } = await validateForm(
      AddSampleDto,
      {
        version: postedVersion(body?.version),
        standardId: values.standardId,
        label: values.label,
        payload: parsed.ok ? parsed.value : undefined,
      },
      FORM,
      t,
    );
    const all = errors.filter((e) => !(e.field === 'payload' && !parsed.ok));
    if (!parsed.ok) all.push({ field: 'payload', text: parsed.error });
    if (all.length > 0) return again(all, 400);
    let added: Awaited<ReturnType<SubmissionSamplesService['add']>>;
    try {
      added = await this.samples.add(actor, id, dto);
    } catch (err) {
      const why = submissionRefusal(err, t);
      if (!why) throw err;
      return again([{ field: 'standardId', text: why }], 409);
    }
    return redirect(req, reply, `/supplier/submissions/${id}/samples`, {
      key: `submissions.flash.sample_${added.checkStatus}`,
      params: { label: added.label, count: String(added.checkErrors.length) },
      warning: added.checkStatus === 'failed',
    });
  }

  @Post(':id/samples/:sampleId/remove')
  @Allow('supplier')
  async remove(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sampleId', ParseUUIDPipe) sampleId: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const page = await this.loader.load(actor, id);
    const sample = page.samples.find((s) => s.id === sampleId);
    try {
      await this.samples.remove(actor, id, sampleId, { version: postedVersion(body?.version) });
    } catch (err) {
      const why = submissionRefusal(err, t);
      if (!why) throw err;
      const errs = [{ field: 'standardId', text: why }];
      return render(
        req,
        reply,
        'supplier/submission-samples.njk',
        this.view(page, t, {}, errs),
        409,
      );
    }
    return redirect(req, reply, `/supplier/submissions/${id}/samples`, {
      key: 'submissions.flash.sampleRemoved',
      params: { label: sample?.label ?? '' },
    });
  }

  private view(
    page: SubmissionPage,
    t: TFunction,
    values: Record<string, string>,
    errs: FormError[] = [],
  ) {
    const samples = page.samples.map((s) => ({
      ...s,
      errorsInWords: s.checkErrors.map((e) => ({
        where: pointerInWords(e.pointer, t),
        message: e.message,
      })),
    }));
    return {
      ...page,
      samples,
      values: { standardId: page.standards[0]?.id ?? '', ...values },
      errorList: errs.length ? summaryList(errs) : undefined,
      errors: errs.length ? inlineErrors(errs) : undefined,
    };
  }
}

/** The pasted text as JSON, or a message saying where it stops being JSON. */
function parseJson(
  text: string,
  t: TFunction,
): { ok: true; value: unknown } | { ok: false; error: string } {
  if (text === '') return { ok: false, error: t('submissions.forms.sample.payload.missing') };
  if (text.length > MAX_PAYLOAD)
    return { ok: false, error: t('submissions.forms.sample.payload.tooLong') };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return {
      ok: false,
      error: t('submissions.forms.sample.payload.notJson', { detail: (err as Error).message }),
    };
  }
}
