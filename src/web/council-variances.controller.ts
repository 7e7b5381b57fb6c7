import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { plainToInstance } from 'class-transformer';
import { AdoptionVariancesService } from '../adoption/adoption-variances.service.js';
import { AdoptionsService } from '../adoption/adoptions.service.js';
import { ProposeVarianceDto, VarianceQueryDto } from '../adoption/dto/variance.dto.js';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import type { Actor } from '../auth/actor.js';
import {
  type FormError,
  inlineErrors,
  serviceFieldErrors,
  summaryList,
  validateForm,
} from './forms/form-errors.js';
import { tFor } from './i18n.js';
import { PageController } from './page.decorator.js';
import { type PageRequest, redirect, render } from './page-request.js';
import { explainRefusal } from './refusals.js';

const FIELDS = ['requirementCode', 'description', 'justification', 'expiresOn'] as const;

/** Local variances of one adoption: the list, the propose form, withdraw. */
@PageController('council/adoptions')
export class CouncilVariancesController {
  constructor(
    private readonly adoptions: AdoptionsService,
    private readonly variances: AdoptionVariancesService,
  ) {}

  @Get(':id/variances')
  @Allow('council')
  async list(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return render(req, reply, 'council/variances.njk', await this.view(actor, id));
  }

  @Post(':id/variances')
  @Allow('council')
  async propose(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const values = Object.fromEntries(
      FIELDS.map((f) => [f, typeof body[f] === 'string' ? body[f].trim() : '']),
    );
    const input = { ...values, requirementCode: values.requirementCode.toUpperCase() };
    const { dto, errors } = await validateForm(ProposeVarianceDto, input, 'variance', t);
    const again = async (errs: FormError[], status: number) =>
      render(
        req,
        reply,
        'council/variances.njk',
        {
          ...(await this.view(actor, id)),
          values,
          errorList: summaryList(errs),
          errors: inlineErrors(errs),
        },
        status,
      );
    if (errors.length > 0) return again(errors, 400);
    try {
      await this.variances.propose(actor, id, dto);
    } catch (err) {
      const fields = serviceFieldErrors(err, 'variance', t);
      if (fields) return again(fields, 400);
      const why = explainRefusal(err, t);
      if (!why) throw err;
      return again([{ field: 'requirementCode', text: why }], 422);
    }
    return redirect(req, reply, `/council/adoptions/${id}/variances`, {
      key: 'flash.varianceProposed',
      params: { code: dto.requirementCode },
    });
  }

  @Post(':id/variances/:varianceId/withdraw')
  @Allow('council')
  async withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('varianceId', ParseUUIDPipe) varianceId: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const version = typeof body.version === 'string' ? Number(body.version) : NaN;
    try {
      await this.variances.transition(actor, id, varianceId, {
        to: 'withdrawn',
        version: Number.isInteger(version) && version > 0 ? version : 0,
      });
    } catch (err) {
      const why =
        err instanceof ProblemException && err.code === 'illegal_transition'
          ? t('refusals.illegal_variance_transition')
          : explainRefusal(err, t);
      if (!why) throw err;
      return render(
        req,
        reply,
        'council/variances.njk',
        {
          ...(await this.view(actor, id)),
          values: {},
          errorList: [{ text: why, href: '#variances' }],
          errors: {},
        },
        409,
      );
    }
    return redirect(req, reply, `/council/adoptions/${id}/variances`, {
      key: 'flash.varianceWithdrawn',
    });
  }

  private async view(actor: Actor, id: string) {
    const adoption = await this.adoptions.get(actor, id);
    const list = await this.variances.list(
      actor,
      plainToInstance(VarianceQueryDto, { limit: 500 }),
      id,
    );
    return { adoption, variances: list.data, values: {} };
  }
}
