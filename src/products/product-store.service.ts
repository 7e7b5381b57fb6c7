import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { auditDiff } from '../audit/audit-diff.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { assertCanChangeProduct, assertCanSeeProduct } from './product-access.js';
import { ProductHistory } from './product-history.entity.js';
import type { ProductStatus } from './product-lifecycle.js';
import { ProductService } from './product-service.entity.js';
import { Product } from './product.entity.js';

export interface ProductHistoryEntry {
  event: string;
  fromStatus?: ProductStatus | null;
  toStatus?: ProductStatus | null;
  note?: string | null;
  before?: object | null;
  after?: object | null;
}

/**
 * Loading and writing products for the use-case services: visibility and ownership
 * checks (404), row locks with the optimistic version check (409), claimed services and
 * the product's history rows.
 */
@Injectable()
export class ProductStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findVisible(actor: Actor, id: string): Promise<Product> {
    const product = await this.db.getRepository(Product).findOneBy({ id });
    assertCanSeeProduct(actor, product, id);
    return product;
  }

  async lockForChange(
    m: EntityManager,
    actor: Actor,
    id: string,
    version: number,
  ): Promise<Product> {
    const product = await m.findOne(Product, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    assertCanChangeProduct(actor, product, id);
    if (version !== product.version)
      throw ProblemException.staleVersion('Product', product.version);
    return product;
  }

  async serviceIds(m: EntityManager, productIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>(productIds.map((id) => [id, []]));
    if (productIds.length === 0) return map;
    const rows: { product_id: string; service_id: string }[] = await m.query(
      `SELECT product_id, service_id FROM product_services WHERE product_id = ANY($1)`,
      [productIds],
    );
    for (const r of rows) map.get(r.product_id)?.push(r.service_id);
    return map;
  }

  /** 422 naming the ids that are not catalogue services. */
  async assertServicesExist(m: EntityManager, serviceIds: string[]): Promise<void> {
    if (serviceIds.length === 0) return;
    const rows: { id: string }[] = await m.query(`SELECT id FROM services WHERE id = ANY($1)`, [
      serviceIds,
    ]);
    const known = new Set(rows.map((r) => r.id));
    const unknown = serviceIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw ProblemException.unprocessable(
        'unknown_services',
        `Unknown service(s): ${unknown.join(', ')}`,
        {
          serviceIds: unknown,
        },
      );
    }
  }

  async replaceServices(m: EntityManager, productId: string, serviceIds: string[]): Promise<void> {
    await m.query(
      `DELETE FROM product_services WHERE product_id = $1 AND NOT (service_id = ANY($2))`,
      [productId, serviceIds],
    );
    if (serviceIds.length > 0) {
      await m
        .createQueryBuilder()
        .insert()
        .into(ProductService)
        .values(serviceIds.map((serviceId) => ({ productId, serviceId })))
        .orIgnore()
        .execute();
    }
  }

  async addHistory(
    m: EntityManager,
    actor: Actor,
    productId: string,
    e: ProductHistoryEntry,
  ): Promise<void> {
    await m.insert(ProductHistory, {
      productId,
      event: e.event,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      note: e.note ?? null,
      changes: auditDiff(e.before ?? null, e.after ?? null),
      actorUserId: actor.userId,
      actorLabel: actor.label,
    });
  }

  /** Councils whose adoption delivers a service through this product (knock-on events). */
  static async councilsUsing(m: EntityManager, productId: string): Promise<string[]> {
    const [row]: { ids: string[] }[] = await m.query(
      `SELECT coalesce(array_agg(DISTINCT council_id ORDER BY council_id), '{}') AS ids
         FROM adoptions WHERE product_id = $1`,
      [productId],
    );
    return row.ids;
  }
}
