import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { plainToInstance } from 'class-transformer';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { CheckInsService } from '../../check-ins/check-ins.service.js';
import { CheckInQueryDto } from '../../check-ins/dto/check-in.dto.js';
import { PageController } from '../page.decorator.js';
import { render } from '../page-request.js';
import { answerCheckIn, type CheckInSide, showCheckIn } from './check-in-pages.js';

const list = async (
  service: CheckInsService,
  actor: Actor,
  base: CheckInSide['base'],
  req: FastifyRequest,
  reply: FastifyReply,
) => {
  const page = await service.list(actor, plainToInstance(CheckInQueryDto, { limit: 100 }));
  const trend = await service.trend(actor, actor.organisationId!);
  return render(req, reply, 'check-ins/partner-list.njk', {
    checkIns: page.data,
    trend: trend.points,
    base,
  });
};

const SUPPLIER: CheckInSide = { base: '/supplier/check-ins', side: 'partner' };
const COUNCIL: CheckInSide = { base: '/council/check-ins', side: 'partner' };

/** A supplier's relationship check-ins: the list, one check-in, answering its half. */
@PageController('supplier/check-ins')
export class SupplierCheckInsController {
  constructor(private readonly checkIns: CheckInsService) {}

  @Get()
  @Allow('supplier')
  index(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return list(this.checkIns, actor, SUPPLIER.base, req, reply);
  }

  @Get(':id')
  @Allow('supplier')
  show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return showCheckIn(this.checkIns, actor, id, SUPPLIER, req, reply);
  }

  @Post(':id/answers')
  @Allow('supplier')
  answer(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return answerCheckIn(this.checkIns, actor, id, body, SUPPLIER, req, reply);
  }
}

/** A council's relationship check-ins: the list, one check-in, answering its half. */
@PageController('council/check-ins')
export class CouncilCheckInsController {
  constructor(private readonly checkIns: CheckInsService) {}

  @Get()
  @Allow('council')
  index(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return list(this.checkIns, actor, COUNCIL.base, req, reply);
  }

  @Get(':id')
  @Allow('council')
  show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return showCheckIn(this.checkIns, actor, id, COUNCIL, req, reply);
  }

  @Post(':id/answers')
  @Allow('council')
  answer(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return answerCheckIn(this.checkIns, actor, id, body, COUNCIL, req, reply);
  }
}
