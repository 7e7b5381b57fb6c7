import { type Actor, isTenantScoped } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import type { OrganisationsRepository } from './organisations.repository.js';

/** A supplier user may only reach its own supplier record: anything else is a 404. */
export function assertSupplierVisible(actor: Actor, supplierId: string): void {
  if (isTenantScoped(actor) && actor.organisationId !== supplierId) {
    throw ProblemException.notFound('Supplier', supplierId);
  }
}

/**
 * The organisation (of that type) exists and the actor may reach it — a supplier or
 * council user only its own; 404 otherwise.
 */
export async function requireVisibleOrganisation(
  organisations: OrganisationsRepository,
  actor: Actor,
  id: string,
  type: 'SUPPLIER' | 'COUNCIL',
): Promise<void> {
  const label = type === 'SUPPLIER' ? 'Supplier' : 'Council';
  if (isTenantScoped(actor) && actor.organisationId !== id) {
    throw ProblemException.notFound(label, id);
  }
  const exists = await organisations.existsBy({ id, type });
  if (!exists) throw ProblemException.notFound(label, id);
}

/** The supplier exists and the actor may reach it; 404 otherwise. */
export async function requireVisibleSupplier(
  organisations: OrganisationsRepository,
  actor: Actor,
  supplierId: string,
): Promise<void> {
  assertSupplierVisible(actor, supplierId);
  const exists = await organisations.existsBy({ id: supplierId, type: 'SUPPLIER' });
  if (!exists) throw ProblemException.notFound('Supplier', supplierId);
}
