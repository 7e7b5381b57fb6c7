import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { ProblemException } from '../../common/errors/problem.exception.js';
import { RequirementContentDto, RequirementDto } from '../../requirements/dto/requirement.dto.js';
import { REQUIREMENT_LEVELS } from '../../requirements/requirement-lifecycle.js';
import { RequirementSetsService } from '../../requirements/requirement-sets.service.js';
import type { RequirementSetWithRequirements } from '../../requirements/requirement-sets.service.js';
import { type FormError, inlineErrors, summaryList, validateForm } from '../forms/form-errors.js';
import { tFor } from '../i18n.js';
import { PageController } from '../page.decorator.js';
import { type PageRequest, redirect, render } from '../page-request.js';
import { CATALOGUE_ADMIN } from '../page-roles.js';
import { REQUIREMENT_FORM, requirementInput } from './requirement-forms.js';

type FormBody = Record<string, unknown>;

/**
 * Adding, changing and removing one requirement of a draft, with the API's DTOs (so a
 * page and the API refuse the same input in the same way) and the requirements
 * service's put and remove (a published set refuses every change).
 */
@PageController('programme/catalogue/requirement-sets/:id/requirements')
export class RequirementPagesController {
  constructor(private readonly sets: RequirementSetsService) {}

  @Get('new')
  @Allow(CATALOGUE_ADMIN)
  async newRequirement(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.form(req, reply, await this.draft(id), null, { level: 'MUST' });
  }

  @Post()
  @Allow(CATALOGUE_ADMIN)
  async add(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FormBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const set = await this.draft(id);
    const input = requirementInput(body, true);
    const { dto, errors } = await validateForm(RequirementDto, input, REQUIREMENT_FORM, t);
    if (!errors.length && set.requirements.some((r) => r.code === dto.code)) {
      errors.push({ field: 'code', text: t('catalogue.forms.requirement.code.taken') });
    }
    if (errors.length) return this.form(req, reply, set, null, input, errors, 400);
    const { code, ...content } = dto;
    await this.sets.putRequirement(actor, id, code, content);
    return redirect(req, reply, `/programme/catalogue/requirement-sets/${id}#requirements`, {
      key: 'catalogue.flash.added',
      params: { code },
    });
  }

  @Get(':code/edit')
  @Allow(CATALOGUE_ADMIN)
  async edit(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('code') code: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const set = await this.draft(id);
    const requirement = this.find(set, code);
    return this.form(req, reply, set, code, { ...requirement });
  }

  @Post(':code')
  @Allow(CATALOGUE_ADMIN)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('code') code: string,
    @Body() body: FormBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const set = await this.draft(id);
    this.find(set, code);
    const input = requirementInput(body, false);
    const { dto, errors } = await validateForm(RequirementContentDto, input, REQUIREMENT_FORM, t);
    if (errors.length) return this.form(req, reply, set, code, input, errors, 400);
    await this.sets.putRequirement(actor, id, code, dto);
    return redirect(req, reply, `/programme/catalogue/requirement-sets/${id}#requirements`, {
      key: 'catalogue.flash.updated',
      params: { code },
    });
  }

  @Post(':code/remove')
  @Allow(CATALOGUE_ADMIN)
  async remove(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('code') code: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    this.find(await this.draft(id), code);
    await this.sets.removeRequirement(actor, id, code);
    return redirect(req, reply, `/programme/catalogue/requirement-sets/${id}#requirements`, {
      key: 'catalogue.flash.removed',
      params: { code },
    });
  }

  /** The set, refused (409, shown as a page) unless it is a draft. */
  private async draft(id: string): Promise<RequirementSetWithRequirements> {
    const set = await this.sets.get(id);
    if (set.status !== 'draft') {
      throw ProblemException.conflict(
        'requirement_set_immutable',
        `Requirement set version ${set.version} is ${set.status} and cannot be changed`,
      );
    }
    return set;
  }

  private find(set: RequirementSetWithRequirements, code: string) {
    const found = set.requirements.find((r) => r.code === code);
    if (!found) throw ProblemException.notFound('Requirement', code);
    return found;
  }

  private form(
    req: FastifyRequest,
    reply: FastifyReply,
    set: RequirementSetWithRequirements,
    code: string | null,
    values: Record<string, unknown>,
    errors: FormError[] = [],
    status = 200,
  ) {
    return render(
      req,
      reply,
      'catalogue/requirement-form.njk',
      {
        set,
        code,
        values,
        // A form shown again after a POST: the language switch returns to its GET page.
        currentPath: `/programme/catalogue/requirement-sets/${set.id}/requirements/${code ? `${code}/edit` : 'new'}`,
        levels: REQUIREMENT_LEVELS,
        errorList: summaryList(errors),
        fieldErrors: inlineErrors(errors),
      },
      status,
    );
  }
}
