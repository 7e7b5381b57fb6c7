import type { User } from './user.entity.js';

/** What the API shows of a user: never the hash, never lockout internals. */
export const toUserView = (u: User) => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  role: u.role,
  organisationId: u.organisationId,
  active: u.active,
  lastLoginAt: u.lastLoginAt,
  createdAt: u.createdAt,
  updatedAt: u.updatedAt,
});
