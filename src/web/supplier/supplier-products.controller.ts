import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { plainToInstance } from 'class-transformer';
import type { TFunction } from 'i18next';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { ServiceQueryDto } from '../../catalogue/dto/service-query.dto.js';
import { ServicesService } from '../../catalogue/services.service.js';
import { ProblemException } from '../../common/errors/problem.exception.js';
import {
  CreateProductDto,
  ProductQueryDto,
  ProductTransitionDto,
  UpdateProductDto,
} from '../../products/dto/product.dto.js';
import { ProductLifecycleService } from '../../products/product-lifecycle.service.js';
import { PRODUCT_TRANSITIONS, SUPPLIER_MOVES } from '../../products/product-lifecycle.js';
import type { ProductView } from '../../products/product-views.js';
import { ProductsService } from '../../products/products.service.js';
import { CreateSubmissionDto, SubmissionQueryDto } from '../../conformance/dto/submission.dto.js';
import { isOpen } from '../../conformance/submission-lifecycle.js';
import { SubmissionsService } from '../../conformance/submissions.service.js';
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

const FORM = 'supplier.forms.product';

/** What a product form posted: trimmed strings, the ticked services as a list. */
function productValues(body: Record<string, unknown>) {
  const text = (f: string) => (typeof body[f] === 'string' ? body[f].trim() : '');
  const ticked = body.serviceIds;
  const serviceIds = (Array.isArray(ticked) ? ticked : ticked === undefined ? [] : [ticked]).map(
    (v) => (typeof v === 'string' ? v : ''),
  );
  return {
    name: text('name'),
    productVersion: text('productVersion'),
    description: text('description'),
    serviceIds,
    version: text('version'),
  };
}

/** A version posted back in a hidden field: a positive integer, else 0 (stale on purpose). */
const postedVersion = (v: string) => (/^[1-9]\d{0,8}$/.test(v) ? Number(v) : 0);

/** A domain refusal (409/422) in plain words from the supplier's catalogue; null otherwise. */
function refusal(err: unknown, t: TFunction): string | null {
  if (!(err instanceof ProblemException)) return null;
  const status = err.getStatus();
  if (status !== 409 && status !== 422) return null;
  const own = t(`supplier.refusals.${err.code}`, { defaultValue: '' });
  return own || t('refusals.other', { detail: err.message });
}

/** The supplier's products: list, register, edit, publish and unpublish. */
@PageController('supplier/products')
export class SupplierProductsController {
  constructor(
    private readonly products: ProductsService,
    private readonly lifecycle: ProductLifecycleService,
    private readonly services: ServicesService,
    private readonly submissions: SubmissionsService,
  ) {}

  @Get()
  @Allow('supplier')
  async list(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const page = await this.products.list(actor, plainToInstance(ProductQueryDto, { limit: 500 }));
    return render(req, reply, 'supplier/products.njk', { products: page.data });
  }

  @Get('new')
  @Allow('supplier')
  async newForm(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return render(req, reply, 'supplier/product-form.njk', {
      product: null,
      values: { serviceIds: [] },
      serviceItems: await this.serviceItems([]),
    });
  }

  @Post()
  @Allow('supplier')
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const values = productValues(body ?? {});
    const { version: _v, ...input } = values;
    const { dto, errors } = await validateForm(CreateProductDto, input, FORM, t);
    const again = async (errs: FormError[], status: number) =>
      this.formAgain(req, reply, null, values, errs, status);
    if (errors.length > 0) return again(errors, 400);
    let created: ProductView;
    try {
      created = await this.products.create(actor, dto);
    } catch (err) {
      const fields = serviceFieldErrors(err, FORM, t);
      if (fields) return again(fields, 400);
      const why = refusal(err, t);
      if (!why) throw err;
      return again([{ field: 'name', text: why }], 409);
    }
    return redirect(req, reply, `/supplier/products/${created.id}`, {
      key: 'supplier.flash.productCreated',
      params: { name: created.name },
    });
  }

  @Get(':id')
  @Allow('supplier')
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return render(req, reply, 'supplier/product.njk', await this.productView(actor, id));
  }

  @Get(':id/edit')
  @Allow('supplier')
  async editForm(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const product = await this.products.get(actor, id);
    return render(req, reply, 'supplier/product-form.njk', {
      product,
      values: { ...product, version: String(product.version) },
      serviceItems: await this.serviceItems(product.serviceIds),
    });
  }

  @Post(':id')
  @Allow('supplier')
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const product = await this.products.get(actor, id);
    const values = productValues(body ?? {});
    const input = { ...values, version: postedVersion(values.version) };
    const { dto, errors } = await validateForm(UpdateProductDto, input, FORM, t);
    const again = async (errs: FormError[], status: number) =>
      this.formAgain(req, reply, product, values, errs, status);
    if (errors.length > 0) return again(errors, 400);
    try {
      await this.products.update(actor, id, dto);
    } catch (err) {
      const fields = serviceFieldErrors(err, FORM, t);
      if (fields) return again(fields, 400);
      const why = refusal(err, t);
      if (!why) throw err;
      return again([{ field: 'name', text: why }], 409);
    }
    return redirect(req, reply, `/supplier/products/${id}`, {
      key: 'supplier.flash.productSaved',
      params: { name: dto.name ?? product.name },
    });
  }

  @Post(':id/status')
  @Allow('supplier')
  async transition(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const view = await this.productView(actor, id);
    const to = typeof body?.to === 'string' ? body.to : '';
    const version = postedVersion(typeof body?.version === 'string' ? body.version : '');
    const { dto, errors } = await validateForm(ProductTransitionDto, { to, version }, FORM, t);
    const again = (text: string, status: number) =>
      render(
        req,
        reply,
        'supplier/product.njk',
        { ...view, errorList: [{ text, href: '#status' }] },
        status,
      );
    if (errors.length > 0) return again(t('supplier.products.badMove'), 400);
    try {
      await this.lifecycle.transition(actor, id, dto);
    } catch (err) {
      const why = refusal(err, t);
      if (!why) throw err;
      return again(why, 409);
    }
    return redirect(req, reply, `/supplier/products/${id}`, {
      key: `supplier.flash.product_${dto.to}`,
      params: { name: view.product.name },
    });
  }

  @Post(':id/submissions')
  @Allow('supplier')
  async startSubmission(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const view = await this.productView(actor, id);
    const serviceId = typeof body?.serviceId === 'string' ? body.serviceId : '';
    const { dto, errors } = await validateForm(
      CreateSubmissionDto,
      { productId: id, serviceId },
      FORM,
      t,
    );
    const again = (text: string, status: number) =>
      render(
        req,
        reply,
        'supplier/product.njk',
        { ...view, errorList: [{ text, href: '#submissions' }] },
        status,
      );
    if (errors.length > 0) return again(t('submissions.start.badService'), 400);
    let created: { id: string };
    try {
      created = await this.submissions.create(actor, dto);
    } catch (err) {
      const why = refusal(err, t);
      if (!why) throw err;
      return again(why, (err as ProblemException).getStatus());
    }
    return redirect(req, reply, `/supplier/submissions/${created.id}`, {
      key: 'submissions.flash.started',
      params: { name: view.product.name },
    });
  }

  private async productView(actor: Actor, id: string) {
    const product = await this.products.get(actor, id);
    const [claimed, submissions] = await Promise.all([
      this.serviceItems(product.serviceIds),
      this.submissions.list(
        actor,
        plainToInstance(SubmissionQueryDto, { productId: product.id, limit: 500 }),
      ),
    ]);
    const moves = PRODUCT_TRANSITIONS[product.status].filter((to) =>
      SUPPLIER_MOVES.includes(`${product.status}>${to}`),
    );
    const services = claimed.filter((s) => s.checked);
    const open = new Set(submissions.data.filter(isOpen).map((s) => s.serviceId));
    const serviceName = new Map(services.map((s) => [s.value, s.text]));
    return {
      product,
      services,
      moves,
      submissions: submissions.data.map((s) => ({
        ...s,
        serviceName: serviceName.get(s.serviceId) ?? '',
      })),
      startable: services.filter((s) => !open.has(s.value)),
    };
  }

  private async formAgain(
    req: FastifyRequest,
    reply: FastifyReply,
    product: ProductView | null,
    values: ReturnType<typeof productValues>,
    errs: FormError[],
    status: number,
  ) {
    return render(
      req,
      reply,
      'supplier/product-form.njk',
      {
        product,
        values,
        serviceItems: await this.serviceItems(values.serviceIds),
        errorList: summaryList(errs),
        errors: inlineErrors(errs),
      },
      status,
    );
  }

  /** Every catalogue service as a checkbox, ticked when claimed. */
  private async serviceItems(ticked: string[]) {
    const page = await this.services.list(plainToInstance(ServiceQueryDto, { limit: 500 }));
    return page.data.map((s) => ({
      value: s.id,
      text: `${s.name} (${s.code})`,
      checked: ticked.includes(s.id),
    }));
  }
}
