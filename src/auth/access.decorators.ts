import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from './actor.js';
import type { Role } from './role.js';

export const ALLOWED_ROLES = 'access:roles';

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
