import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { ProblemException } from '../../common/errors/problem.exception.js';
import { PublishRequirementSetDto } from '../../requirements/dto/requirement-set.dto.js';
import { RequirementSetVersionsService } from '../../requirements/requirement-set-versions.service.js';
import { RequirementSetsService } from '../../requirements/requirement-sets.service.js';
import { parseRequirementsCsv } from '../../requirements/requirements-csv.js';
import { type FormError, inlineErrors, summaryList, validateForm } from '../forms/form-errors.js';
import { tFor } from '../i18n.js';
import { PageController } from '../page.decorator.js';
import { type PageRequest, redirect, render } from '../page-request.js';
import { explainRefusal } from '../refusals.js';
import { CATALOGUE_ADMIN, PROGRAMME_READERS as CATALOGUE_READERS } from '../page-roles.js';
import { RequirementSetPageLoader } from './requirement-set-page-loader.js';
import { csvImportErrors, csvInput, PUBLISH_FORM, publishInput } from './requirement-forms.js';

type FormBody = Record<string, unknown>;

/**
 * A requirement set version's pages: its requirements (a draft's editable by the admin,
 * see RequirementPagesController), starting the next draft from a published version,
 * replacing a draft's requirements from pasted CSV (the API's importer, its row errors
 * shown in a table), and publishing — a confirmation page with the diff against the
 * published version first. The requirements module's services do every change.
 */
@PageController('programme/catalogue/requirement-sets')
export class RequirementSetPagesController {
  constructor(
    private readonly sets: RequirementSetsService,
    private readonly versions: RequirementSetVersionsService,
    private readonly loader: RequirementSetPageLoader,
  ) {}

  @Get(':id')
  @Allow(...CATALOGUE_READERS)
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return render(
      req,
      reply,
      'catalogue/requirement-set.njk',
      await this.loader.setPage(actor, id),
    );
  }

  @Post(':id/new-version')
  @Allow(CATALOGUE_ADMIN)
  async newVersion(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    try {
      const draft = await this.versions.newVersion(actor, id);
      return redirect(req, reply, `/programme/catalogue/requirement-sets/${draft.id}`, {
        key: 'catalogue.flash.draftStarted',
        params: { version: String(draft.version) },
      });
    } catch (err) {
      const draftId =
        err instanceof ProblemException && err.code === 'draft_exists'
          ? (err.extensions.draftId as string | null)
          : null;
      if (!draftId) throw err;
      return redirect(req, reply, `/programme/catalogue/requirement-sets/${draftId}`, {
        key: 'catalogue.flash.draftExists',
        warning: true,
      });
    }
  }

  @Post(':id/import')
  @Allow(CATALOGUE_ADMIN)
  async importCsv(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FormBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const csv = csvInput(body);
    let count: number;
    try {
      const items = parseRequirementsCsv(csv);
      const saved = await this.sets.replaceRequirements(
        actor,
        id,
        items,
        'requirement_set.csv_imported',
      );
      count = saved.requirements.length;
    } catch (err) {
      const errors = csvImportErrors(err, t);
      if (!errors) throw err;
      return render(
        req,
        reply,
        'catalogue/requirement-set.njk',
        {
          ...(await this.loader.setPage(actor, id)),
          currentPath: `/programme/catalogue/requirement-sets/${id}`,
          csv,
          csvRows: errors.rows,
          errorList: summaryList(errors.summary),
          fieldErrors: inlineErrors(errors.summary),
        },
        400,
      );
    }
    return redirect(req, reply, `/programme/catalogue/requirement-sets/${id}`, {
      key: 'catalogue.flash.imported',
      params: { count: String(count) },
    });
  }

  @Get(':id/publish')
  @Allow(CATALOGUE_ADMIN)
  async confirmPublish(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.publishForm(actor, id, req, reply, {});
  }

  @Post(':id/publish')
  @Allow(CATALOGUE_ADMIN)
  async publish(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FormBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const input = publishInput(body);
    const { dto, errors } = await validateForm(PublishRequirementSetDto, input, PUBLISH_FORM, t);
    if (errors.length) return this.publishForm(actor, id, req, reply, input, errors, 400);
    const set = await this.sets.view(id);
    // Counted before publishing: the valid certificates the new version sends to reassessment.
    const affected = await this.loader.validCertificates(actor, set.service.id);
    try {
      await this.versions.publish(actor, id, dto);
    } catch (err) {
      const refusal = explainRefusal(err, t);
      if (!refusal) throw err;
      const text =
        err instanceof ProblemException
          ? t(`catalogue.refusals.${err.code}`, { defaultValue: refusal })
          : refusal;
      return this.publishForm(
        actor,
        id,
        req,
        reply,
        input,
        [{ field: 'effectiveDate', text }],
        422,
      );
    }
    return redirect(req, reply, `/programme/catalogue/requirement-sets/${id}`, {
      key: affected > 0 ? 'catalogue.flash.publishedReassess' : 'catalogue.flash.published',
      params: { version: String(set.version), count: String(affected) },
    });
  }

  private async publishForm(
    actor: Actor,
    id: string,
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors: FormError[] = [],
    status = 200,
  ) {
    const view = await this.loader.publishPage(actor, id);
    if (view.set.status !== 'draft') {
      return redirect(req, reply, `/programme/catalogue/requirement-sets/${id}`);
    }
    return render(
      req,
      reply,
      'catalogue/publish.njk',
      { ...view, values, errorList: summaryList(errors), fieldErrors: inlineErrors(errors) },
      status,
    );
  }
}
