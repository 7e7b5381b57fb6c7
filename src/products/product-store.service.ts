import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { auditDiff } from '../audit/audit-diff.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { assertCanChangeProduct, assertCanSeeProduct } from './product-access.js';
import type { ProductStatus } from './product-lifecycle.js';
import type { Product } from './product.entity.js';
import { ProductsRepository } from './products.repository.js';

export interface ProductHistoryEntry {
  event: string;
  fromStatus?: ProductStatus | null;
  toStatus?: ProductStatus | null;
  note?: string | null;
  before?: object | null;
  after?: object | null;
}

/**
 * The rules around loading and writing products for the use-case services: visibility
 * and ownership checks (404), row locks with the optimistic version check (409), known
 * claimed services (422) and the product's history rows.
 */
@Injectable()
export class ProductStore {
  constructor(private readonly products: ProductsRepository) {}

  async findVisible(actor: Actor, id: string): Promise<Product> {
    const product = await this.products.findById(id);
    assertCanSeeProduct(actor, product, id);
    return product;
  }

  async lockForChange(
    m: EntityManager,
    actor: Actor,
    id: string,
    version: number,
  ): Promise<Product> {
    const product = await this.products.lockById(m, id);
    assertCanChangeProduct(actor, product, id);
    if (version !== product.version)
      throw ProblemException.staleVersion('Product', product.version);
    return product;
  }

  /** 422 naming the ids that are not catalogue services. */
  async assertServicesExist(m: EntityManager, serviceIds: string[]): Promise<void> {
    if (serviceIds.length === 0) return;
    const known = new Set(await this.products.existingServiceIds(m, serviceIds));
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

  async addHistory(
    m: EntityManager,
    actor: Actor,
    productId: string,
    e: ProductHistoryEntry,
  ): Promise<void> {
    await this.products.addHistory(m, {
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
}
