import { SqlParams } from '../common/sql/sql-params.js';
import { type Actor, isProgrammeStaff } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { COUNCIL_VISIBLE_PRODUCT_STATUSES, type ProductStatus } from './product-lifecycle.js';

/**
 * Who sees which products (and, through them, certificates and evaluations). Programme
 * staff see everything; a supplier sees only its own products; councils and agencies see
 * products in a council-visible status (published, in_remediation). Anything else is 404.
 */
export const canSeeProduct = (
  actor: Actor,
  p: { supplierId: string; status: ProductStatus },
): boolean =>
  isProgrammeStaff(actor) ||
  (actor.role === 'supplier'
    ? p.supplierId === actor.organisationId
    : COUNCIL_VISIBLE_PRODUCT_STATUSES.includes(p.status));

/** Only the owning supplier and programme admins change a product or its submissions. */
export const canChangeProduct = (actor: Actor, p: { supplierId: string }): boolean =>
  actor.role === 'programme_admin' ||
  (actor.role === 'supplier' && p.supplierId === actor.organisationId);

/**
 * The visibility rule as SQL over a products alias, for lists and aggregates: null when
 * the actor sees everything.
 */
export function visibleProductsSql(actor: Actor, p: SqlParams, alias = 'p'): string | null {
  if (isProgrammeStaff(actor)) return null;
  if (actor.role === 'supplier') return `${alias}.supplier_id = ${p.add(actor.organisationId)}`;
  return `${alias}.status = ANY(${p.add(COUNCIL_VISIBLE_PRODUCT_STATUSES)})`;
}

export function assertCanSeeProduct<T extends { supplierId: string; status: ProductStatus }>(
  actor: Actor,
  p: T | null,
  id: string,
): asserts p is T {
  if (!p || !canSeeProduct(actor, p)) throw ProblemException.notFound('Product', id);
}

export function assertCanChangeProduct<T extends { supplierId: string; status: ProductStatus }>(
  actor: Actor,
  p: T | null,
  id: string,
): asserts p is T {
  if (!p || !canSeeProduct(actor, p) || !canChangeProduct(actor, p)) {
    throw ProblemException.notFound('Product', id);
  }
}
