import type { OrganisationType } from '../organisations/organisation-type.js';

export const ROLES = [
  'programme_admin',
  'programme_viewer',
  'supplier',
  'council',
  'agency',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that see across every organisation. */
export const PROGRAMME_ROLES: Role[] = ['programme_admin', 'programme_viewer'];

/** Which roles a user of each organisation type may hold. */
export const ROLES_BY_ORGANISATION_TYPE: Record<OrganisationType, Role[]> = {
  PROGRAMME_OFFICE: ['programme_admin', 'programme_viewer'],
  SUPPLIER: ['supplier'],
  COUNCIL: ['council'],
  AGENCY: ['agency'],
};
