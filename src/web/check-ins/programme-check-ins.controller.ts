import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { plainToInstance } from 'class-transformer';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { CheckInsRepository } from '../../check-ins/check-ins.repository.js';
import { CheckInsService } from '../../check-ins/check-ins.service.js';
import { CheckInQueryDto, CreateCheckInDto } from '../../check-ins/dto/check-in.dto.js';
import { ProblemException } from '../../common/errors/problem.exception.js';
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
import { explainRefusal } from '../refusals.js';
import { answerCheckIn, type CheckInSide, showCheckIn } from './check-in-pages.js';

const OFFICE: CheckInSide = { base: '/programme/check-ins', side: 'office' };
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/**
 * The programme office's check-ins: partners whose scores fell or whose sides disagree,
 * scheduling a check-in, every check-in's results, answering the office's half.
 */
@PageController('programme/check-ins')
export class ProgrammeCheckInsController {
  constructor(
    private readonly checkIns: CheckInsService,
    private readonly store: CheckInsRepository,
  ) {}

  @Get()
  @Allow('programme_admin', 'programme_viewer')
  async index(
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return render(req, reply, 'check-ins/programme.njk', await this.view(actor));
  }

  @Post()
  @Allow('programme_admin')
  async schedule(
    @CurrentActor() actor: Actor,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const values = { organisationId: str(b.organisationId), dueOn: str(b.dueOn) };
    const again = async (errs: FormError[], status: number) =>
      render(
        req,
        reply,
        'check-ins/programme.njk',
        {
          ...(await this.view(actor)),
          values,
          errorList: summaryList(errs),
          errors: inlineErrors(errs),
        },
        status,
      );
    const { dto, errors } = await validateForm(CreateCheckInDto, values, 'checkIns.schedule', t);
    if (errors.length) return again(errors, 400);
    let id: string;
    try {
      id = (await this.checkIns.create(actor, dto)).id;
    } catch (err) {
      const fields = serviceFieldErrors(err, 'checkIns.schedule', t);
      if (fields) return again(fields, 400);
      const own =
        err instanceof ProblemException &&
        ['duplicate_check_in', 'no_published_question_set'].includes(err.code);
      const why = own ? t(`checkIns.refusals.${err.code}`) : explainRefusal(err, t);
      if (!why) throw err;
      return again([{ field: 'dueOn', text: why }], 409);
    }
    return redirect(req, reply, `/programme/check-ins/${id}`, { key: 'checkIns.flash.scheduled' });
  }

  @Get(':id')
  @Allow('programme_admin', 'programme_viewer')
  show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return showCheckIn(this.checkIns, actor, id, OFFICE, req, reply);
  }

  @Post(':id/answers')
  @Allow('programme_admin')
  answer(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return answerCheckIn(this.checkIns, actor, id, body, OFFICE, req, reply);
  }

  private async view(actor: Actor) {
    const [overview, recent, partners] = await Promise.all([
      this.checkIns.overview(),
      this.checkIns.list(actor, plainToInstance(CheckInQueryDto, { limit: 30 })),
      this.store.partners(),
    ]);
    return { overview, checkIns: recent.data, partners, values: {} };
  }
}
