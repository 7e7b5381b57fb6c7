import { Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { PageController } from '../page.decorator.js';
import { render } from '../page-request.js';
import { type GovernanceBase, GovernancePageLoader } from './governance-page-loader.js';

/**
 * A supplier's or council's governance pages: the groups it sits in, their meetings and
 * the decisions it may read (consulted, informed, taken at its groups' meetings, or public
 * to the programme). Read only; anything else is the 404 page (the services' rules).
 */
abstract class PartnerGovernancePages {
  constructor(
    private readonly pages: GovernancePageLoader,
    private readonly where: GovernanceBase,
  ) {}

  protected async hubPage(actor: Actor, req: FastifyRequest, reply: FastifyReply) {
    return render(req, reply, 'governance/hub.njk', {
      ...this.where,
      ...(await this.pages.hub(actor, true)),
    });
  }

  protected async groupPage(actor: Actor, id: string, req: FastifyRequest, reply: FastifyReply) {
    return render(req, reply, 'governance/group.njk', {
      ...this.where,
      ...(await this.pages.group(actor, id)),
    });
  }

  protected async meetingPage(actor: Actor, id: string, req: FastifyRequest, reply: FastifyReply) {
    return render(req, reply, 'governance/meeting.njk', {
      ...this.where,
      ...(await this.pages.meeting(actor, id)),
      values: {},
    });
  }

  protected async decisionPage(actor: Actor, id: string, req: FastifyRequest, reply: FastifyReply) {
    return render(req, reply, 'governance/decision.njk', {
      ...this.where,
      ...(await this.pages.decision(actor, id)),
      values: {},
    });
  }
}

@PageController('supplier/governance')
export class SupplierGovernanceController extends PartnerGovernancePages {
  constructor(pages: GovernancePageLoader) {
    super(pages, { base: '/supplier/governance', decisionsBase: '/supplier/governance/decisions' });
  }

  @Get()
  @Allow('supplier')
  hub(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.hubPage(actor, req, reply);
  }

  @Get('groups/:id')
  @Allow('supplier')
  group(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.groupPage(actor, id, req, reply);
  }

  @Get('meetings/:id')
  @Allow('supplier')
  meeting(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.meetingPage(actor, id, req, reply);
  }

  @Get('decisions/:id')
  @Allow('supplier')
  decision(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.decisionPage(actor, id, req, reply);
  }
}

@PageController('council/governance')
export class CouncilGovernanceController extends PartnerGovernancePages {
  constructor(pages: GovernancePageLoader) {
    super(pages, { base: '/council/governance', decisionsBase: '/council/governance/decisions' });
  }

  @Get()
  @Allow('council')
  hub(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.hubPage(actor, req, reply);
  }

  @Get('groups/:id')
  @Allow('council')
  group(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.groupPage(actor, id, req, reply);
  }

  @Get('meetings/:id')
  @Allow('council')
  meeting(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.meetingPage(actor, id, req, reply);
  }

  @Get('decisions/:id')
  @Allow('council')
  decision(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.decisionPage(actor, id, req, reply);
  }
}
