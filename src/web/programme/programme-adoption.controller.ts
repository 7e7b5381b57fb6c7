import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AdoptionLifecycleService } from '../../adoption/adoption-lifecycle.service.js';
import { AdoptionVariancesService } from '../../adoption/adoption-variances.service.js';
import { AdoptionsService } from '../../adoption/adoptions.service.js';
import { AdoptionTransitionDto } from '../../adoption/dto/adoption-transition.dto.js';
import { SuccessStepsService } from '../../adoption/success-steps.service.js';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { ProblemException } from '../../common/errors/problem.exception.js';
import { inlineErrors, summaryList, validateForm } from '../forms/form-errors.js';
import { tFor } from '../i18n.js';
import { PageController } from '../page.decorator.js';
import { type PageRequest, redirect, render } from '../page-request.js';
import {
  adoptionOfCouncil,
  adoptionPageView,
  adoptionPath,
  type AdoptionPageServices,
  explainMoveRefusal,
  type MoveRefusal,
} from './programme-adoption-page.js';
import { PROGRAMME_READERS as READERS } from '../page-roles.js';

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const int = (v: unknown) => (typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : v);

/**
 * One adoption of a council as the programme office sees it: stage, route, steps to
 * success, variances and history. A programme admin moves its stage (overriding
 * unfinished mandatory steps with a reason, as the API allows) and ticks its steps; the
 * lifecycle and step services decide, with the session user's Actor.
 */
@PageController('programme/councils')
export class ProgrammeAdoptionController {
  constructor(
    private readonly adoptions: AdoptionsService,
    private readonly lifecycle: AdoptionLifecycleService,
    private readonly steps: SuccessStepsService,
    private readonly variances: AdoptionVariancesService,
  ) {}

  private get services(): AdoptionPageServices {
    return { adoptions: this.adoptions, steps: this.steps, variances: this.variances };
  }

  @Get(':id/adoptions/:adoptionId')
  @Allow(...READERS)
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('adoptionId', ParseUUIDPipe) adoptionId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const view = await adoptionPageView(this.services, actor, id, adoptionId);
    return render(req, reply, 'programme/adoption.njk', view);
  }

  @Post(':id/adoptions/:adoptionId/stage')
  @Allow('programme_admin')
  async move(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('adoptionId', ParseUUIDPipe) adoptionId: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const adoption = await adoptionOfCouncil(this.adoptions, actor, id, adoptionId);
    const overriding = body.override === 'yes';
    const input = {
      to: body.to,
      version: int(body.version),
      note: text(body.note),
      overrideReason: overriding ? (text(body.overrideReason) ?? '') : undefined,
    };
    const form = 'programmeAdoption.move';
    const { dto, errors } = await validateForm(AdoptionTransitionDto, input, form, t);
    const again = async (refusal: MoveRefusal) =>
      render(
        req,
        reply,
        'programme/adoption.njk',
        {
          ...(await adoptionPageView(this.services, actor, id, adoptionId)),
          moveValues: { to: body.to, note: body.note, overrideReason: body.overrideReason },
          blocked: refusal.blocked,
          errorList: summaryList(refusal.errors),
          errors: inlineErrors(refusal.errors),
        },
        refusal.status,
      );
    if (errors.length > 0) {
      // A reason left out of the override form keeps the override open for the same move.
      const to = errors.some((e) => e.field === 'to') ? undefined : dto.to;
      return again({
        errors,
        status: 400,
        blocked: overriding && to ? { to, steps: [] } : undefined,
      });
    }
    let overridden: boolean;
    try {
      overridden = await this.moveOrOverride(actor, adoptionId, dto);
    } catch (err) {
      const refusal = explainMoveRefusal(err, dto.to, t);
      if (!refusal) throw err;
      return again(refusal);
    }
    const params = {
      service: adoption.service.name,
      council: adoption.council.name,
      stage: t(`stages.${dto.to}`),
    };
    return redirect(req, reply, adoptionPath(adoption.council.id, adoptionId), {
      key: overridden ? 'programmeAdoption.flash.overridden' : 'programmeAdoption.flash.moved',
      params,
    });
  }

  /**
   * The move, overriding only when the steps are still unfinished: an override form sent
   * after someone finished them is a plain move (no override in the history). True when
   * the move needed the override.
   */
  private async moveOrOverride(
    actor: Actor,
    adoptionId: string,
    dto: AdoptionTransitionDto,
  ): Promise<boolean> {
    const { overrideReason, ...plain } = dto;
    try {
      await this.lifecycle.transition(actor, adoptionId, plain);
      return false;
    } catch (err) {
      if (!overrideReason || !(err instanceof ProblemException)) throw err;
      if (err.code !== 'steps_incomplete') throw err;
    }
    await this.lifecycle.transition(actor, adoptionId, dto);
    return true;
  }

  @Post(':id/adoptions/:adoptionId/steps/:stepId')
  @Allow('programme_admin')
  async mark(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('adoptionId', ParseUUIDPipe) adoptionId: string,
    @Param('stepId', ParseUUIDPipe) stepId: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const adoption = await adoptionOfCouncil(this.adoptions, actor, id, adoptionId);
    const done = body.done !== 'false';
    const checklist = await this.steps.mark(actor, adoptionId, stepId, { done });
    const title = checklist.data.find((x) => x.id === stepId)?.title ?? '';
    return redirect(req, reply, adoptionPath(adoption.council.id, adoptionId), {
      key: done ? 'programmeAdoption.flash.stepDone' : 'programmeAdoption.flash.stepReopened',
      params: { title },
    });
  }
}
