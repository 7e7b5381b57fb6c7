import { SqlParams } from '../common/sql/sql-params.js';
import { type Actor, isTenantScoped } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import type { Risk } from './risk.entity.js';

/**
 * Who sees and changes which entries. Programme staff and agencies see everything;
 * suppliers and councils see national entries and those scoped to or owned by their
 * organisation. Programme admins change everything; suppliers and councils only the
 * entries their organisation owns. Anything else is a 404.
 */
export const canSeeRisk = (
  actor: Actor,
  r: Pick<Risk, 'scope' | 'supplierId' | 'councilId' | 'ownerOrganisationId'>,
): boolean =>
  !isTenantScoped(actor) ||
  r.scope === 'national' ||
  [r.supplierId, r.councilId, r.ownerOrganisationId].includes(actor.organisationId);

export const canChangeRisk = (actor: Actor, r: Pick<Risk, 'ownerOrganisationId'>): boolean =>
  actor.role === 'programme_admin' ||
  (isTenantScoped(actor) && r.ownerOrganisationId === actor.organisationId);

/** The same visibility rule as SQL over alias `r`, for lists and aggregates. */
export function visibleRisksSql(actor: Actor, p: SqlParams, alias = 'r'): string | null {
  if (!isTenantScoped(actor)) return null;
  const org = p.add(actor.organisationId);
  return `(${alias}.scope = 'national' OR ${alias}.supplier_id = ${org} OR ${alias}.council_id = ${org} OR ${alias}.owner_organisation_id = ${org})`;
}

export function assertCanSee(actor: Actor, r: Risk | null, id: string): asserts r is Risk {
  if (!r || !canSeeRisk(actor, r)) throw ProblemException.notFound('Risk', id);
}

export function assertCanChange(actor: Actor, r: Risk | null, id: string): asserts r is Risk {
  if (!r || !canSeeRisk(actor, r) || !canChangeRisk(actor, r)) {
    throw ProblemException.notFound('Risk', id);
  }
}
