import type { User } from './user.entity.js';
import type { UserViewDto } from './dto/user-view.dto.js';

/** What the API shows of a user: never the hash, never lockout internals. */
export const toUserView = (u: User): UserViewDto => ({
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
