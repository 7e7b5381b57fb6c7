import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { plainToInstance } from 'class-transformer';
import { ADOPTION_TRANSITIONS } from '../adoption/adoption-lifecycle.js';
import { AdoptionLifecycleService } from '../adoption/adoption-lifecycle.service.js';
import { AdoptionsService } from '../adoption/adoptions.service.js';
import { AdoptionTransitionDto } from '../adoption/dto/adoption-transition.dto.js';
import { SuccessStepsService } from '../adoption/success-steps.service.js';
import { UpdateAdoptionDto } from '../adoption/dto/update-adoption.dto.js';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { SharedServiceQueryDto } from '../catalogue/dto/shared-service-query.dto.js';
import { SharedServicesService } from '../catalogue/shared-services.service.js';
import { ProductComparisonService } from '../conformance/product-comparison.service.js';
import { type FormError, inlineErrors, summaryList, validateForm } from './forms/form-errors.js';
import { tFor } from './i18n.js';
import { STAGE_TAG } from './council-status.js';
import { PageController } from './page.decorator.js';
import { type PageRequest, redirect, render } from './page-request.js';
import { explainRefusal } from './refusals.js';

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const int = (v: unknown) => (typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : v);

/**
 * One adoption: its summary, steps to success as a task list (tick done / undo), the
 * move-stage form and its history; and the delivery-route chooser. Every read and write
 * goes through the adoption services with the session user's Actor, so another
 * council's adoption is a 404 exactly as in the API.
 */
@PageController('council/adoptions')
export class CouncilAdoptionController {
  constructor(
    private readonly adoptions: AdoptionsService,
    private readonly lifecycle: AdoptionLifecycleService,
    private readonly steps: SuccessStepsService,
    private readonly comparison: ProductComparisonService,
    private readonly sharedServices: SharedServicesService,
  ) {}

  @Get(':id')
  @Allow('council')
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return render(req, reply, 'council/adoption.njk', await this.view(actor, id));
  }

  @Post(':id/steps/:stepId')
  @Allow('council')
  async mark(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('stepId', ParseUUIDPipe) stepId: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const done = body.done !== 'false';
    await this.steps.mark(actor, id, stepId, { done });
    return redirect(req, reply, `/council/adoptions/${id}`, {
      key: done ? 'flash.stepDone' : 'flash.stepReopened',
    });
  }

  @Post(':id/stage')
  @Allow('council')
  async move(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const input = { to: body.to, version: int(body.version), note: text(body.note) };
    const { dto, errors } = await validateForm(AdoptionTransitionDto, input, 'move', t);
    const again = async (errs: FormError[], status: number) =>
      render(
        req,
        reply,
        'council/adoption.njk',
        {
          ...(await this.view(actor, id)),
          moveValues: { to: body.to, note: body.note },
          errorList: summaryList(errs),
          errors: inlineErrors(errs),
        },
        status,
      );
    if (errors.length > 0) return again(errors, 400);
    try {
      await this.lifecycle.transition(actor, id, dto);
    } catch (err) {
      const why = explainRefusal(err, t);
      if (!why) throw err;
      return again([{ field: 'to', text: why }], 409);
    }
    return redirect(req, reply, `/council/adoptions/${id}`, {
      key: 'flash.moved',
      params: { stage: t(`stages.${dto.to}`) },
    });
  }

  @Get(':id/route')
  @Allow('council')
  async routeForm(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return render(req, reply, 'council/route.njk', await this.routeView(actor, id));
  }

  @Post(':id/route')
  @Allow('council')
  async chooseRoute(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const [kind, routeId] = typeof body.route === 'string' ? body.route.split(':') : [];
    const input = {
      version: int(body.version),
      productId: kind === 'product' ? routeId : undefined,
      sharedServiceId: kind === 'shared' ? routeId : undefined,
    };
    const { dto, errors } = await validateForm(UpdateAdoptionDto, input, 'route', t);
    const again = async (errs: FormError[], status: number) =>
      render(
        req,
        reply,
        'council/route.njk',
        {
          ...(await this.routeView(actor, id)),
          chosen: body.route,
          errorList: summaryList(errs),
          errors: inlineErrors(errs),
        },
        status,
      );
    if (!kind || errors.length > 0) {
      return again([{ field: 'route', text: t('forms.route.route.required') }], 400);
    }
    try {
      await this.adoptions.update(actor, id, dto);
    } catch (err) {
      const why = explainRefusal(err, t);
      if (!why) throw err;
      return again([{ field: 'route', text: why }], 409);
    }
    return redirect(req, reply, `/council/adoptions/${id}`, { key: 'flash.routeChosen' });
  }

  private async view(actor: Actor, id: string) {
    const adoption = await this.adoptions.get(actor, id);
    const [history, checklist] = await Promise.all([
      this.adoptions.history(actor, id),
      this.steps.checklist(actor, id),
    ]);
    return {
      adoption,
      tagClass: STAGE_TAG[adoption.stage],
      history: [...history.data].reverse(),
      steps: checklist.data.filter((s) => s.active || s.done),
      allowed: ADOPTION_TRANSITIONS[adoption.stage],
      moveValues: {},
    };
  }

  private async routeView(actor: Actor, id: string) {
    const adoption = await this.adoptions.get(actor, id);
    const [products, shared] = await Promise.all([
      this.comparison.compare(actor, adoption.service.id),
      this.sharedServices.list(
        plainToInstance(SharedServiceQueryDto, {
          serviceId: adoption.service.id,
          councilId: adoption.council.id,
          limit: 100,
        }),
      ),
    ]);
    const certified = products.data.filter(
      (p) =>
        p.certificate &&
        ['valid', 'reassessment_due'].includes(String(p.certificate.status)) &&
        p.status !== 'suspended',
    );
    const current = adoption.route?.productId
      ? `product:${adoption.route.productId}`
      : adoption.route?.sharedServiceId
        ? `shared:${adoption.route.sharedServiceId}`
        : undefined;
    return { adoption, products: certified, shared: shared.data, chosen: current };
  }
}
