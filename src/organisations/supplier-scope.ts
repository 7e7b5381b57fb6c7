import { type Actor, isTenantScoped } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';

/** A supplier user may only reach its own supplier record: anything else is a 404. */
export function assertSupplierVisible(actor: Actor, supplierId: string): void {
  if (isTenantScoped(actor) && actor.organisationId !== supplierId) {
    throw ProblemException.notFound('Supplier', supplierId);
  }
}
