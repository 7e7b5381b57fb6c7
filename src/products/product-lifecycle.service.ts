import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { ProductTransitionDto } from './dto/product.dto.js';
import {
  PRODUCT_TRANSITIONS,
  REASON_REQUIRED_TARGETS,
  SUPPLIER_MOVES,
} from './product-lifecycle.js';
import { ProductStore } from './product-store.service.js';
import { ProductsRepository } from './products.repository.js';
import { type ProductView, toProductView } from './product-views.js';
import { assertTransition } from '../common/lifecycle/assert-transition.js';

/**
 * Publication moves (PRODUCT_TRANSITIONS). The supplier publishes and unpublishes its own
 * product; the programme office also moves it into remediation or suspension (with a
 * reason) and back. Suspending publishes `product.suspended` naming the councils whose
 * adoption routes through the product.
 */
@Injectable()
export class ProductLifecycleService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly store: ProductStore,
    private readonly products: ProductsRepository,
  ) {}

  async transition(actor: Actor, id: string, dto: ProductTransitionDto): Promise<ProductView> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const product = await this.store.lockForChange(m, actor, id, dto.version);
      const from = product.status;
      assertTransition(PRODUCT_TRANSITIONS, from, dto.to, product.name, {
        permitted: (to) =>
          actor.role === 'programme_admin' || SUPPLIER_MOVES.includes(`${from}>${to}`),
      });
      const officeMove = !SUPPLIER_MOVES.includes(`${from}>${dto.to}`);
      const reason = dto.reason?.trim() || null;
      if (officeMove && REASON_REQUIRED_TARGETS.includes(dto.to) && !reason) {
        throw ProblemException.invalidFields([
          { field: 'reason', message: `a reason is required to move a product to ${dto.to}` },
        ]);
      }
      const serviceIds = (await this.products.serviceIds([id], m)).get(id)!;
      if (dto.to === 'published' && serviceIds.length === 0) {
        throw ProblemException.conflict(
          'no_services',
          'A product must claim at least one service before it is published',
        );
      }
      const before = toProductView(product, serviceIds);
      product.status = dto.to;
      product.statusReason = officeMove ? reason : null;
      if (dto.to === 'published' && !product.publishedAt) product.publishedAt = new Date();
      const after = toProductView(await this.products.update(m, product), serviceIds);
      await this.store.addHistory(m, actor, id, {
        event: 'transitioned',
        fromStatus: from,
        toStatus: dto.to,
        note: reason,
      });
      await this.audit.record(m, actor, {
        action: `product.${dto.to}`,
        entityType: 'product',
        entityId: id,
        before,
        after: reason ? { ...after, note: reason } : after,
      });
      if (dto.to === 'suspended') {
        tx.publish('product.suspended', {
          productId: id,
          productName: product.name,
          supplierId: product.supplierId,
          councilIds: await this.products.councilsUsing(m, id),
          reason: reason ?? '',
        });
      }
      return after;
    });
  }
}
