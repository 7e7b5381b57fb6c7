import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  type DeepPartial,
  type EntityManager,
  type FindOptionsWhere,
  IsNull,
} from 'typeorm';
import type { OrganisationType } from '../organisations/organisation-type.js';
import { ApiToken } from './api-token.entity.js';
import type { Role } from './role.js';

export interface ApiTokenPrincipalRow {
  id: string;
  label: string;
  role: Role;
  organisationId: string;
  organisationType: OrganisationType;
  tokenHash: string;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
}

@Injectable()
export class ApiTokensRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  create(m: EntityManager, token: DeepPartial<ApiToken>): Promise<ApiToken> {
    return m.save(m.create(ApiToken, token));
  }

  page(
    where: FindOptionsWhere<ApiToken>,
    skip: number,
    take: number,
  ): Promise<[ApiToken[], number]> {
    return this.db.getRepository(ApiToken).findAndCount({
      where,
      order: { createdAt: 'DESC' },
      skip,
      take,
    });
  }

  findOne(where: FindOptionsWhere<ApiToken>): Promise<ApiToken | null> {
    return this.db.getRepository(ApiToken).findOne({ where });
  }

  lockForChange(m: EntityManager, where: FindOptionsWhere<ApiToken>): Promise<ApiToken | null> {
    return m.findOne(ApiToken, { where, lock: { mode: 'pessimistic_write' } });
  }

  async revoke(m: EntityManager, id: string, revokedAt: Date): Promise<void> {
    await m.update(ApiToken, { id, revokedAt: IsNull() }, { revokedAt });
  }

  async touchLastUsed(id: string): Promise<void> {
    await this.db.query(`UPDATE api_tokens SET last_used_at = now() WHERE id = $1`, [id]);
  }

  /** A live token by prefix, with its creator active and its organisation not deactivated. */
  async principalByPrefix(prefix: string): Promise<ApiTokenPrincipalRow | undefined> {
    const [row] = await this.db.query<ApiTokenPrincipalRow[]>(
      `SELECT t.id, t.token_hash AS "tokenHash", t.last_used_at AS "lastUsedAt",
              t.expires_at AS "expiresAt",
              'api-token:' || t.prefix AS label, u.role, t.organisation_id AS "organisationId",
              o.type AS "organisationType"
         FROM api_tokens t
         JOIN users u ON u.id = t.created_by_user_id
         JOIN organisations o ON o.id = t.organisation_id
        WHERE t.prefix = $1 AND t.revoked_at IS NULL
          AND (t.expires_at IS NULL OR t.expires_at > now()) AND u.active
          AND o.onboarding_status IS DISTINCT FROM 'inactive'`,
      [prefix],
    );
    return row;
  }
}
