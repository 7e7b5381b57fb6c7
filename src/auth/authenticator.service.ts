import { timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config.js';
import { sha256Hex } from '../common/crypto/secret-box.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import type { OrganisationType } from '../organisations/organisation-type.js';
import type { Actor } from './actor.js';
import { parseApiToken } from './api-token-format.js';
import { ApiTokensRepository } from './api-tokens.repository.js';
import { PrincipalCache } from './principal-cache.js';
import type { Role } from './role.js';
import { UsersRepository } from './users.repository.js';

interface Principal {
  id: string;
  label: string;
  role: Role;
  organisationId: string;
  organisationType: OrganisationType;
}

const LAST_USED_RESOLUTION_MS = 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cached API token's principal and when this process last wrote its last_used_at. */
interface TokenPrincipal extends Principal {
  lastUsed: number;
}

/**
 * Turns an `Authorization: Bearer …` header into an Actor: a JWT or an API token.
 * Principals are cached briefly per credential (see PrincipalCache for the bound);
 * `forgetPrincipals()` is called by every change that ends a user's or token's access.
 */
@Injectable()
export class Authenticator {
  private readonly users: PrincipalCache<Principal>;
  private readonly tokens: PrincipalCache<TokenPrincipal>;

  constructor(
    private readonly jwt: JwtService,
    private readonly usersRepo: UsersRepository,
    private readonly tokensRepo: ApiTokensRepository,
    config: AppConfig,
  ) {
    this.users = new PrincipalCache(config.AUTH_PRINCIPAL_CACHE_MS);
    this.tokens = new PrincipalCache(config.AUTH_PRINCIPAL_CACHE_MS);
  }

  /** A user, token or organisation lost access: nothing cached may be trusted any more. */
  forgetPrincipals(): void {
    this.users.clear();
    this.tokens.clear();
  }

  async authenticate(
    header: string | undefined,
    ctx: { requestId: string; ip: string },
  ): Promise<Actor> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
    if (!bearer) throw this.unauthenticated('Missing bearer token');
    const token = parseApiToken(bearer);
    if (token) {
      const p = await this.fromApiToken(token.prefix, bearer);
      return { kind: 'token', userId: null, tokenId: p.id, ...this.common(p), ...ctx };
    }
    const p = await this.fromJwt(bearer);
    return { kind: 'user', userId: p.id, tokenId: null, ...this.common(p), ...ctx };
  }

  private common(p: Principal) {
    return {
      label: p.label,
      role: p.role,
      organisationId: p.organisationId,
      organisationType: p.organisationType,
    };
  }

  private async fromJwt(jwt: string): Promise<Principal> {
    const cached = this.users.get(jwt);
    if (cached) return cached;
    let claims: { sub?: unknown; exp?: unknown; tv?: unknown };
    try {
      claims = await this.jwt.verifyAsync<typeof claims>(jwt);
    } catch {
      throw this.unauthenticated('Invalid or expired token');
    }
    // Every token this api issues carries exp, a UUID sub and a token version; a token
    // without them (signed by hand with the secret) is refused rather than trusted forever.
    const tv = claims.tv ?? 0;
    if (
      typeof claims.exp !== 'number' ||
      typeof claims.sub !== 'string' ||
      !UUID.test(claims.sub) ||
      !Number.isSafeInteger(tv)
    ) {
      throw this.unauthenticated('Invalid or expired token');
    }
    const p = await this.userPrincipal(claims.sub, tv as number);
    this.users.set(jwt, p, claims.exp * 1000);
    return p;
  }

  /**
   * The portal's session user, re-checked on every page request by the same lookup a
   * JWT's subject goes through: an inactive account or organisation, or a token version
   * bumped since sign-in (password change, deactivation), ends the session.
   */
  async authenticateUser(
    session: { userId: string; tokenVersion: number },
    ctx: { requestId: string; ip: string },
  ): Promise<Actor> {
    if (!UUID.test(session.userId) || !Number.isSafeInteger(session.tokenVersion)) {
      throw this.unauthenticated('Not signed in');
    }
    const key = `session:${session.userId}:${session.tokenVersion}`;
    let p = this.users.get(key);
    if (!p) {
      p = await this.userPrincipal(session.userId, session.tokenVersion);
      this.users.set(key, p);
    }
    return { kind: 'user', userId: p.id, tokenId: null, ...this.common(p), ...ctx };
  }

  // One indexed query: the user is active, the token version matches (a password change,
  // deactivation or role change bumps it) and the organisation is not deactivated.
  private async userPrincipal(sub: string, tv: number): Promise<Principal> {
    const user = await this.usersRepo.principal(sub, tv);
    if (!user) throw this.unauthenticated('Account is not active');
    return user;
  }

  private async fromApiToken(prefix: string, whole: string): Promise<Principal> {
    const hash = sha256Hex(whole);
    const cached = this.tokens.get(hash);
    if (cached) {
      if (Date.now() - cached.lastUsed > LAST_USED_RESOLUTION_MS) {
        cached.lastUsed = Date.now();
        await this.tokensRepo.touchLastUsed(cached.id);
      }
      return cached;
    }
    const row = await this.tokensRepo.principalByPrefix(prefix);
    const given = Buffer.from(hash);
    if (!row || !timingSafeEqual(Buffer.from(row.tokenHash), given)) {
      throw this.unauthenticated('Invalid, expired or revoked API token');
    }
    let lastUsed = row.lastUsedAt ? row.lastUsedAt.getTime() : 0;
    if (Date.now() - lastUsed > LAST_USED_RESOLUTION_MS) {
      lastUsed = Date.now();
      await this.tokensRepo.touchLastUsed(row.id);
    }
    const p: TokenPrincipal = {
      id: row.id,
      label: row.label,
      role: row.role,
      organisationId: row.organisationId,
      organisationType: row.organisationType,
      lastUsed,
    };
    this.tokens.set(hash, p, row.expiresAt ? row.expiresAt.getTime() : Infinity);
    return p;
  }

  private unauthenticated(detail: string): ProblemException {
    return new ProblemException(401, 'unauthenticated', detail);
  }
}
