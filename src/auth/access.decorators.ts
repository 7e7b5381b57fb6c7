import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from './actor.js';
import type { Role } from './role.js';

export const ALLOWED_ROLES = 'access:roles';
export const IS_PAGE = 'access:page';

/**
 * Marks a controller's routes as portal pages: the AccessGuard takes the user from the
 * session cookie (set by the portal's session hook) instead of an Authorization header,
 * then applies `@Allow` exactly as for the API.
 */
export const PageAccess = () => SetMetadata(IS_PAGE, true);

/**
 * Declares which roles may call a route (or every route of a controller). Routes without
 * `@Allow` or `@Public` are refused: access is denied by default.
 */
export const Allow = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** Every authenticated role. */
export const AllowAuthenticated = () =>
  Allow('programme_admin', 'programme_viewer', 'supplier', 'council', 'agency');

/** The actor resolved by the AccessGuard. */
export const CurrentActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Actor =>
    ctx.switchToHttp().getRequest<{ actor: Actor }>().actor,
);
