import { Injectable } from '@nestjs/common';
import { type EntityManager, QueryFailedError } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { CreateProductDto, ProductQueryDto, UpdateProductDto } from './dto/product.dto.js';
import { ProductStore } from './product-store.service.js';
import { type ProductView, toProductHistoryView, toProductView } from './product-views.js';
import { ProductsRepository } from './products.repository.js';

const EDITABLE = ['name', 'productVersion', 'description'] as const;

const duplicate = (err: unknown) =>
  err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '23505'
    ? ProblemException.conflict(
        'duplicate_product',
        'This supplier already has a product with that name and release',
      )
    : err;

/** Registering, reading, listing and editing products (publication moves live apart). */
@Injectable()
export class ProductsService {
  constructor(
    private readonly products: ProductsRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly store: ProductStore,
  ) {}

  async list(actor: Actor, q: ProductQueryDto): Promise<Page<ProductView>> {
    const [rows, total] = await this.products.page(actor, q);
    const services = await this.products.serviceIds(rows.map((r) => r.id));
    return toPage(
      rows.map((r) => toProductView(r, services.get(r.id) ?? [])),
      total,
      q,
    );
  }

  async get(actor: Actor, id: string): Promise<ProductView> {
    const product = await this.store.findVisible(actor, id);
    const services = await this.products.serviceIds([id]);
    return toProductView(product, services.get(id) ?? []);
  }

  async create(actor: Actor, dto: CreateProductDto): Promise<ProductView> {
    return this.uow
      .run(async (tx) => {
        const m = tx.manager;
        const supplierId = await this.owner(m, actor, dto.supplierId);
        await this.store.assertServicesExist(m, dto.serviceIds);
        const saved = await this.products.create(m, {
          supplierId,
          name: dto.name.trim(),
          productVersion: dto.productVersion.trim(),
          description: dto.description ?? '',
          status: 'draft',
        });
        await this.products.replaceServices(m, saved.id, dto.serviceIds);
        const view = toProductView(saved, dto.serviceIds);
        await this.store.addHistory(m, actor, saved.id, { event: 'created', toStatus: 'draft' });
        await this.audit.record(m, actor, {
          action: 'product.created',
          entityType: 'product',
          entityId: saved.id,
          after: view,
        });
        return view;
      })
      .catch((err: unknown) => {
        throw duplicate(err);
      });
  }

  async update(actor: Actor, id: string, dto: UpdateProductDto): Promise<ProductView> {
    return this.uow
      .run(async (tx) => {
        const m = tx.manager;
        const product = await this.store.lockForChange(m, actor, id, dto.version);
        const before = toProductView(product, (await this.products.serviceIds([id], m)).get(id)!);
        for (const key of EDITABLE) {
          if (dto[key] !== undefined) Object.assign(product, { [key]: dto[key] });
        }
        if (dto.serviceIds) {
          await this.store.assertServicesExist(m, dto.serviceIds);
          await this.products.replaceServices(m, id, dto.serviceIds);
        }
        product.updatedAt = new Date();
        const saved = await this.products.update(m, product);
        const after = toProductView(saved, dto.serviceIds ?? before.serviceIds);
        await this.store.addHistory(m, actor, id, { event: 'updated', before, after });
        await this.audit.record(m, actor, {
          action: 'product.updated',
          entityType: 'product',
          entityId: id,
          before,
          after,
        });
        return after;
      })
      .catch((err: unknown) => {
        throw duplicate(err);
      });
  }

  async history(actor: Actor, id: string) {
    await this.store.findVisible(actor, id);
    const rows = await this.products.history(id);
    return { data: rows.map(toProductHistoryView) };
  }

  /** Suppliers own what they register; programme admins name a supplier. */
  private async owner(m: EntityManager, actor: Actor, supplierId?: string): Promise<string> {
    if (actor.role === 'supplier') return actor.organisationId!;
    if (!supplierId) {
      throw ProblemException.invalidFields([
        {
          field: 'supplierId',
          message: 'supplierId is required when the programme office registers a product',
        },
      ]);
    }
    if ((await this.products.organisationType(m, supplierId)) !== 'SUPPLIER') {
      throw ProblemException.unprocessable('not_a_supplier', `${supplierId} is not a supplier`);
    }
    return supplierId;
  }
}
