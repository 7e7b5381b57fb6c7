import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { sha256Hex } from '../common/crypto/secret-box.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, PageQueryDto, toPage } from '../common/pagination/page-query.dto.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { type Actor, isProgrammeStaff } from './actor.js';
import type { ApiToken } from './api-token.entity.js';
import { ApiTokensRepository } from './api-tokens.repository.js';
import { newApiToken } from './api-token-format.js';
import type { CreateApiTokenDto } from './dto/create-api-token.dto.js';
import type { ApiTokenViewDto } from './dto/api-token-view.dto.js';
import { Authenticator } from './authenticator.service.js';

const view = (t: ApiToken): ApiTokenViewDto => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  organisationId: t.organisationId,
  createdByUserId: t.createdByUserId,
  expiresAt: t.expiresAt,
  revokedAt: t.revokedAt,
  lastUsedAt: t.lastUsedAt,
  createdAt: t.createdAt,
});
type TokenView = ReturnType<typeof view>;

/** API tokens for suppliers' and councils' machine clients; the secret is shown once. */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly tokens: ApiTokensRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly authenticator: Authenticator,
  ) {}

  async create(actor: Actor, dto: CreateApiTokenDto): Promise<TokenView & { token: string }> {
    if (actor.kind !== 'user') {
      throw new ProblemException(403, 'forbidden', 'Only a signed-in user can create API tokens');
    }
    const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : null;
    if (expiresAt && expiresAt <= new Date()) {
      throw ProblemException.badRequest('validation_failed', 'expiresAt must be in the future', [
        { field: 'expiresAt', message: 'must be in the future' },
      ]);
    }
    const { prefix, token } = newApiToken();
    return this.uow.run(async (tx) => {
      const saved = await this.tokens.create(tx.manager, {
        name: dto.name,
        prefix,
        tokenHash: sha256Hex(token),
        organisationId: actor.organisationId!,
        createdByUserId: actor.userId!,
        expiresAt,
      });
      await this.audit.record(tx.manager, actor, {
        action: 'api_token.created',
        entityType: 'api_token',
        entityId: saved.id,
        after: { ...view(saved), tokenHash: 'x' },
      });
      return { ...view(saved), token };
    });
  }

  async list(actor: Actor, q: PageQueryDto): Promise<Page<TokenView>> {
    const [rows, total] = await this.tokens.page(
      isProgrammeStaff(actor) ? {} : { organisationId: actor.organisationId! },
      q.offset,
      q.limit,
    );
    return toPage(rows.map(view), total, q);
  }

  /** One token of the actor's organisation (any, for programme staff); 404 otherwise. */
  async get(actor: Actor, id: string): Promise<TokenView> {
    const token = await this.tokens.findOne({
      id,
      ...(!isProgrammeStaff(actor) && { organisationId: actor.organisationId! }),
    });
    if (!token) throw ProblemException.notFound('API token', id);
    return view(token);
  }

  async revoke(actor: Actor, id: string): Promise<TokenView> {
    const revoked = await this.revokeInTx(actor, id);
    this.authenticator.forgetPrincipals();
    return revoked;
  }

  private revokeInTx(actor: Actor, id: string): Promise<TokenView> {
    return this.uow.run(async (tx) => {
      const token = await this.tokens.lockForChange(tx.manager, {
        id,
        ...(!isProgrammeStaff(actor) && { organisationId: actor.organisationId! }),
      });
      if (!token) throw ProblemException.notFound('API token', id);
      if (token.revokedAt) {
        throw ProblemException.conflict('already_revoked', `API token ${id} was already revoked`);
      }
      const before = view(token);
      await this.tokens.revoke(tx.manager, id, new Date());
      token.revokedAt = new Date();
      await this.audit.record(tx.manager, actor, {
        action: 'api_token.revoked',
        entityType: 'api_token',
        entityId: id,
        before,
        after: view(token),
      });
      return view(token);
    });
  }
}
