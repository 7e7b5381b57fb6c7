import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { IS_PUBLIC } from '../common/http/public.decorator.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { ALLOWED_ROLES, IS_PAGE } from './access.decorators.js';
import type { Actor } from './actor.js';
import { Authenticator } from './authenticator.service.js';
import type { Role } from './role.js';

/** The signed-in user the portal's session hook left on the request (none: 401). */
const sessionUser = (
  req: FastifyRequest & { sessionUserId?: string; sessionTokenVersion?: number },
): { userId: string; tokenVersion: number } => {
  if (!req.sessionUserId) throw new ProblemException(401, 'unauthenticated', 'Not signed in');
  return { userId: req.sessionUserId, tokenVersion: req.sessionTokenVersion ?? -1 };
};

/** What a route's decorators say about who may call it. */
interface AccessRule {
  public: boolean;
  roles: Role[] | undefined;
  /** A portal page: the user comes from the session cookie, not a bearer header. */
  page: boolean;
}

/**
 * Global guard, deny by default: a route is callable only if it is `@Public()` or names
 * the caller's role in `@Allow(...)`. Resolves the bearer (JWT or API token) to an Actor.
 *
 * A route's rule is read from its metadata once and kept: decorators cannot change after
 * boot, and reading them on every request cost ~2% of the api's CPU on GET /health/live.
 * Public routes are let through synchronously, without a promise.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly log = new Logger(AccessGuard.name);
  private readonly rules = new WeakMap<object, WeakMap<object, AccessRule>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  canActivate(ctx: ExecutionContext): boolean | Promise<boolean> {
    const rule = this.ruleFor(ctx.getHandler(), ctx.getClass());
    return rule.public || this.authorise(ctx, rule.roles, rule.page);
  }

  private async authorise(
    ctx: ExecutionContext,
    roles: Role[] | undefined,
    page: boolean,
  ): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const who = { requestId: String(req.id), ip: req.ip };
    const actor = page
      ? await this.authenticator.authenticateUser(sessionUser(req), who)
      : await this.authenticator.authenticate(req.headers.authorization, who);
    req.actor = actor;
    if (!roles) {
      this.log.error(`${req.method} ${req.url} declares no access rule; denied`);
      throw new ProblemException(403, 'forbidden', 'This route is not open to any role');
    }
    if (!roles.includes(actor.role)) {
      throw new ProblemException(403, 'forbidden', `Role ${actor.role} may not call this route`);
    }
    return true;
  }

  /** Keyed by handler, then class: an inherited handler may sit under differing controllers. */
  private ruleFor(handler: object, controller: object): AccessRule {
    let byClass = this.rules.get(handler);
    if (!byClass) this.rules.set(handler, (byClass = new WeakMap()));
    let rule = byClass.get(controller);
    if (!rule) {
      const targets = [handler, controller] as [() => unknown, () => unknown];
      rule = {
        public: this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true,
        roles: this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets),
        page: this.reflector.getAllAndOverride<boolean>(IS_PAGE, targets) === true,
      };
      byClass.set(controller, rule);
    }
    return rule;
  }
}
