import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { type Actor, isProgrammeStaff } from './actor.js';
import type { CreateUserDto } from './dto/create-user.dto.js';
import type { UpdateUserDto } from './dto/update-user.dto.js';
import type { UserQueryDto } from './dto/user-query.dto.js';
import { PasswordHasher } from './password-hasher.js';
import { ROLES_BY_ORGANISATION_TYPE } from './role.js';
import { UsersRepository } from './users.repository.js';
import { toUserView } from './user-view.js';
import { Authenticator } from './authenticator.service.js';

type UserView = ReturnType<typeof toUserView>;

/** Users: programme admins manage them; everyone else sees their own organisation's. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
    private readonly authenticator: Authenticator,
  ) {}

  async list(actor: Actor, q: UserQueryDto): Promise<Page<UserView>> {
    const where = {
      ...(q.role && { role: q.role }),
      ...(isProgrammeStaff(actor)
        ? q.organisationId && { organisationId: q.organisationId }
        : { organisationId: actor.organisationId! }),
    };
    const [rows, total] = await this.users.page(where, q.offset, q.limit);
    return toPage(rows.map(toUserView), total, q);
  }

  async get(actor: Actor, id: string): Promise<UserView> {
    const user = await this.users.findOneBy({
      id,
      ...(!isProgrammeStaff(actor) && { organisationId: actor.organisationId! }),
    });
    if (!user) throw ProblemException.notFound('User', id);
    return toUserView(user);
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserView> {
    const org = await this.users.findOrganisation(dto.organisationId);
    if (!org)
      throw ProblemException.unprocessable('unknown_organisation', 'Organisation does not exist');
    if (!ROLES_BY_ORGANISATION_TYPE[org.type].includes(dto.role)) {
      throw ProblemException.unprocessable(
        'role_not_allowed',
        `A ${org.type} user may hold only: ${ROLES_BY_ORGANISATION_TYPE[org.type].join(', ')}`,
      );
    }
    const email = dto.email.toLowerCase();
    if (await this.users.existsByEmail(email)) {
      throw ProblemException.conflict('email_taken', `A user with email ${email} already exists`);
    }
    const passwordHash = await this.hasher.hash(dto.password);
    return this.uow.run(async (tx) => {
      const user = await this.users.create(tx.manager, {
        email,
        displayName: dto.displayName,
        role: dto.role,
        organisationId: org.id,
        passwordHash,
      });
      const view = toUserView(user);
      await this.audit.record(tx.manager, actor, {
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        after: { ...view, passwordHash },
      });
      return view;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserView> {
    // A role change or deactivation must not be outlived by a cached principal.
    const saved = await this.updateInTx(actor, id, dto);
    this.authenticator.forgetPrincipals();
    return saved;
  }

  private updateInTx(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserView> {
    return this.uow.run(async (tx) => {
      const user = await this.users.lockForChange(tx.manager, id);
      if (!user) throw ProblemException.notFound('User', id);
      const before = toUserView(user);
      if (actor.userId === id && dto.active === false) {
        throw ProblemException.conflict('cannot_deactivate_self', 'You cannot deactivate yourself');
      }
      // Deactivation ends the user's existing sessions (JWT token version).
      if (dto.active === false && user.active) user.tokenVersion += 1;
      Object.assign(user, dto);
      const saved = toUserView(await this.users.update(tx.manager, user));
      await this.audit.record(tx.manager, actor, {
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        before,
        after: saved,
      });
      return saved;
    });
  }
}
