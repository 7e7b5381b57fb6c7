import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DeepPartial, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity.js';
import type { OrganisationType } from '../organisations/organisation-type.js';
import type { Role } from './role.js';
import { User } from './user.entity.js';

export interface UserPrincipalRow {
  id: string;
  label: string;
  role: Role;
  organisationId: string;
  organisationType: OrganisationType;
}

export interface OrganisationRefRow {
  id: string;
  type: string;
  name: string;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  findWithPasswordByEmail(email: string): Promise<User | null> {
    return this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
  }

  findWithPasswordById(id: string): Promise<User> {
    return this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id })
      .getOneOrFail();
  }

  findById(id: string): Promise<User | null> {
    return this.db.getRepository(User).findOneBy({ id });
  }

  findOneBy(where: FindOptionsWhere<User>): Promise<User | null> {
    return this.db.getRepository(User).findOneBy(where);
  }

  page(where: FindOptionsWhere<User>, skip: number, take: number): Promise<[User[], number]> {
    return this.db.getRepository(User).findAndCount({
      where,
      order: { email: 'ASC' },
      skip,
      take,
    });
  }

  existsByEmail(email: string): Promise<boolean> {
    return this.db.getRepository(User).existsBy({ email });
  }

  findOrganisation(id: string): Promise<Organisation | null> {
    return this.db.getRepository(Organisation).findOneBy({ id });
  }

  organisationRef(id: string): Promise<OrganisationRefRow[]> {
    return this.db.query<OrganisationRefRow[]>(
      `SELECT id, type, name FROM organisations WHERE id = $1`,
      [id],
    );
  }

  /** One indexed query: active user, matching token version, organisation not deactivated. */
  async principal(sub: string, tv: number): Promise<UserPrincipalRow | undefined> {
    const [user] = await this.db.query<UserPrincipalRow[]>(
      `SELECT u.id, u.email AS label, u.role, u.organisation_id AS "organisationId",
              o.type AS "organisationType"
         FROM users u JOIN organisations o ON o.id = u.organisation_id
        WHERE u.id = $1 AND u.active AND u.token_version = $2
          AND o.onboarding_status IS DISTINCT FROM 'inactive'`,
      [sub, tv],
    );
    return user;
  }

  async preferredLanguage(userId: string): Promise<User['preferredLanguage'] | null> {
    const user = await this.db.getRepository(User).findOne({
      where: { id: userId },
      select: { id: true, preferredLanguage: true },
    });
    return user?.preferredLanguage ?? null;
  }

  lockForChange(m: EntityManager, id: string): Promise<User | null> {
    return m.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  create(m: EntityManager, user: DeepPartial<User>): Promise<User> {
    return m.save(m.create(User, user));
  }

  update(m: EntityManager, user: User): Promise<User> {
    return m.save(user);
  }

  async setLastLogin(m: EntityManager, id: string, lastLoginAt: Date): Promise<void> {
    await m.update(User, id, { lastLoginAt });
  }

  /** The new token version ends every session signed in with the old password. */
  async setPassword(m: EntityManager, id: string, passwordHash: string): Promise<void> {
    await m.update(User, id, { passwordHash, tokenVersion: () => 'token_version + 1' });
  }

  async setPreferredLanguage(
    m: EntityManager,
    id: string,
    preferredLanguage: User['preferredLanguage'],
  ): Promise<void> {
    await m.update(User, id, { preferredLanguage });
  }
}
