import { Body, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow } from '../../auth/access.decorators.js';
import { StandardQueryDto } from '../../standards/dto/standard-query.dto.js';
import { StandardValidationService } from '../../standards/standard-validation.service.js';
import { StandardsService } from '../../standards/standards.service.js';
import { type FormError, inlineErrors, summaryList } from '../forms/form-errors.js';
import { tFor } from '../i18n.js';
import { PageController } from '../page.decorator.js';
import { type PageRequest, render } from '../page-request.js';
import { PROGRAMME_READERS as CATALOGUE_READERS } from '../page-roles.js';
import { pageNumber, pageCount, pageLinks } from '../paging.js';
import { describePointer } from '../forms/json-pointer.js';

const PAGE_SIZE = 50;
/** A pasted sample larger than this is refused before parsing. */
const MAX_SAMPLE = 200_000;

/**
 * Standards as the programme office reads them: the list, one standard with its JSON
 * Schema, and "validate a sample" — a pasted payload checked by the standards module's
 * validator (the same as the API's). Validating changes nothing, so every reader may do
 * it and the result is the POST's own page (no redirect).
 */
@PageController('programme/catalogue/standards')
export class StandardPagesController {
  constructor(
    private readonly standards: StandardsService,
    private readonly validation: StandardValidationService,
  ) {}

  @Get()
  @Allow(...CATALOGUE_READERS)
  async list(@Query('page') page: unknown, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const n = pageNumber(page);
    const list = await this.standards.list(
      Object.assign(new StandardQueryDto(), { page: n, limit: PAGE_SIZE }),
    );
    return render(req, reply, 'catalogue/standards.njk', {
      standards: list.data,
      total: list.meta.total,
      pagination: pageLinks(
        n,
        pageCount(list.meta.total, PAGE_SIZE),
        (k) => `/programme/catalogue/standards?page=${k}`,
      ),
    });
  }

  @Get(':id')
  @Allow(...CATALOGUE_READERS)
  async show(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.page(req, reply, id, {});
  }

  @Post(':id/validate')
  @Allow(...CATALOGUE_READERS)
  async validate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown> | undefined,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const sample = typeof body?.sample === 'string' ? body.sample : '';
    const refuse = (key: string, params: Record<string, string> = {}) =>
      this.page(req, reply, id, { sample }, [{ field: 'sample', text: t(key, params) }], 400);
    if (sample.trim() === '') return refuse('catalogue.forms.sample.sample.isNotEmpty');
    if (sample.length > MAX_SAMPLE) return refuse('catalogue.forms.sample.sample.maxLength');
    let payload: unknown;
    try {
      payload = JSON.parse(sample);
    } catch (err) {
      return refuse('catalogue.forms.sample.sample.json', { detail: (err as Error).message });
    }
    const result = await this.validation.validate(id, payload);
    return this.page(req, reply, id, {
      sample,
      result: {
        valid: result.valid,
        errors: result.errors.map((e) => ({ ...e, where: describePointer(e.pointer, t) })),
      },
    });
  }

  private async page(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: Record<string, unknown>,
    errors: FormError[] = [],
    status = 200,
  ) {
    const standard = await this.standards.get(id);
    return render(
      req,
      reply,
      'catalogue/standard.njk',
      {
        standard,
        schema: standard.jsonSchema ? JSON.stringify(standard.jsonSchema, null, 2) : null,
        // After a POST the language switch returns to the standard's page, not the POST's URL.
        currentPath: `/programme/catalogue/standards/${id}`,
        ...extra,
        errorList: summaryList(errors),
        fieldErrors: inlineErrors(errors),
      },
      status,
    );
  }
}
