import type { OrganisationType } from '../organisations/organisation-type.js';
import { PROGRAMME_ROLES, type Role } from './role.js';

/**
 * Who is making a request, resolved by the AccessGuard from a JWT or an API token, plus
 * the request's id and IP for the audit log. Services take it explicitly.
 */
export interface Actor {
  kind: 'user' | 'token' | 'system';
  userId: string | null;
  tokenId: string | null;
  label: string;
  role: Role;
  organisationId: string | null;
  organisationType: OrganisationType | null;
  requestId: string | null;
  ip: string | null;
}

export const isProgrammeStaff = (actor: Actor): boolean => PROGRAMME_ROLES.includes(actor.role);

/** Roles whose reads and writes are limited to their own organisation. */
export const isTenantScoped = (actor: Actor): boolean =>
  actor.role === 'supplier' || actor.role === 'council';

/** The actor for seeds, CLIs and worker jobs. */
export const SYSTEM_ACTOR: Actor = {
  kind: 'system',
  userId: null,
  tokenId: null,
  label: 'system',
  role: 'programme_admin',
  organisationId: null,
  organisationType: null,
  requestId: null,
  ip: null,
};
