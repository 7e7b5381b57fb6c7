import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { IS_PUBLIC } from '../common/http/public.decorator.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { ALLOWED_ROLES } from './access.decorators.js';
import type { Actor } from './actor.js';
import { Authenticator } from './authenticator.service.js';
import type { Role } from './role.js';

/**
 * Global guard, deny by default: a route is callable only if it is `@Public()` or names
 * the caller's role in `@Allow(...)`. Resolves the bearer (JWT or API token) to an Actor.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly log = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const actor = await this.authenticator.authenticate(req.headers.authorization, {
      requestId: String(req.id),
      ip: req.ip,
    });
    req.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (!roles) {
      this.log.error(`${req.method} ${req.url} declares no access rule; denied`);
      throw new ProblemException(403, 'forbidden', 'This route is not open to any role');
    }
    if (!roles.includes(actor.role)) {
      throw new ProblemException(403, 'forbidden', `Role ${actor.role} may not call this route`);
    }
    return true;
  }
}
