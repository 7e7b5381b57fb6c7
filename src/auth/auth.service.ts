import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuditService } from '../audit/audit.service.js';
import { AppConfig } from '../config/app-config.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { Actor } from './actor.js';
import type { ChangePasswordDto } from './dto/change-password.dto.js';
import type { LoginDto, LoginResponseDto } from './dto/login.dto.js';
import { LoginThrottle } from './login-throttle.service.js';
import { PasswordHasher } from './password-hasher.js';
import { UsersRepository } from './users.repository.js';
import { Authenticator } from './authenticator.service.js';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly authenticator: Authenticator,
  ) {}

  /** The same 401 for an unknown email, a wrong password and an inactive account. */
  async login(dto: LoginDto, ctx: { ip: string; requestId: string }): Promise<LoginResponseDto> {
    const email = dto.email.toLowerCase();
    await this.throttle.check(ctx.ip, email);
    const user = await this.users.findWithPasswordByEmail(email);
    const ok = await this.hasher.verify(user?.passwordHash ?? null, dto.password);
    if (!user || !ok || !user.active) {
      await this.throttle.recordFailure(email);
      throw new ProblemException(401, 'invalid_credentials', 'Email or password is incorrect');
    }
    await this.throttle.reset(email);
    const actor: Actor = {
      kind: 'user',
      userId: user.id,
      tokenId: null,
      label: user.email,
      role: user.role,
      organisationId: user.organisationId,
      organisationType: null,
      ...ctx,
    };
    await this.uow.run(async (tx) => {
      const lastLoginAt = new Date();
      await this.users.setLastLogin(tx.manager, user.id, lastLoginAt);
      await this.audit.record(tx.manager, actor, {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        before: { lastLoginAt: user.lastLoginAt },
        after: { lastLoginAt },
      });
    });
    const accessToken = await this.jwt.signAsync(
      { sub: user.id, role: user.role, org: user.organisationId, tv: user.tokenVersion },
      { expiresIn: this.config.JWT_TTL_SECONDS },
    );
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.JWT_TTL_SECONDS };
  }

  async me(actor: Actor) {
    const organisation = actor.organisationId
      ? await this.users.organisationRef(actor.organisationId)
      : [];
    const user = actor.userId ? await this.users.findById(actor.userId) : null;
    return {
      kind: actor.kind,
      role: actor.role,
      label: actor.label,
      user: user && { id: user.id, email: user.email, displayName: user.displayName },
      tokenId: actor.tokenId,
      organisation: organisation[0] ?? null,
    };
  }

  async changePassword(actor: Actor, dto: ChangePasswordDto): Promise<void> {
    if (!actor.userId) throw new ProblemException(403, 'forbidden', 'API tokens have no password');
    // Throttled like login (per address, and per account after repeated failures); its own
    // per-address bucket so password changes and sign-ins do not count against each other.
    const throttleKey = `password-change:${actor.userId}`;
    await this.throttle.check(`password-change:${actor.ip}`, throttleKey);
    const user = await this.users.findWithPasswordById(actor.userId);
    if (!(await this.hasher.verify(user.passwordHash, dto.currentPassword))) {
      await this.throttle.recordFailure(throttleKey);
      throw ProblemException.badRequest('invalid_credentials', 'Current password is incorrect', [
        { field: 'currentPassword', message: 'does not match' },
      ]);
    }
    await this.throttle.reset(throttleKey);
    const passwordHash = await this.hasher.hash(dto.newPassword);
    await this.uow.run(async (tx) => {
      // The new token version ends every session signed in with the old password.
      await this.users.setPassword(tx.manager, user.id, passwordHash);
      await this.audit.record(tx.manager, actor, {
        action: 'user.password_changed',
        entityType: 'user',
        entityId: user.id,
        before: { passwordHash: 'x' },
        after: { passwordHash: 'y' },
      });
    });
    this.authenticator.forgetPrincipals();
  }
}
