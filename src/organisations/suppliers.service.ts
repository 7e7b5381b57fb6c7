import { Injectable } from '@nestjs/common';
import { type Actor, isTenantScoped } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, type PageQueryDto, toPage } from '../common/pagination/page-query.dto.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { CreateSupplierDto, UpdateSupplierDto } from './dto/supplier.dto.js';
import type { Organisation } from './organisation.entity.js';
import { OrganisationsRepository } from './organisations.repository.js';
import { ONBOARDING_TRANSITIONS, type OnboardingStatus } from './organisation-type.js';
import { type SupplierView, toSupplierView } from './organisation-views.js';
import { assertSupplierVisible } from './supplier-scope.js';
import { assertTransition } from '../common/lifecycle/assert-transition.js';
import { Authenticator } from '../auth/authenticator.service.js';

@Injectable()
export class SuppliersService {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly authenticator: Authenticator,
  ) {}

  async list(actor: Actor, q: PageQueryDto): Promise<Page<SupplierView>> {
    const [rows, total] = await this.organisations.suppliersPage(
      isTenantScoped(actor) ? { id: actor.organisationId! } : {},
      q.offset,
      q.limit,
    );
    return toPage(rows.map(toSupplierView), total, q);
  }

  async get(actor: Actor, id: string): Promise<SupplierView> {
    assertSupplierVisible(actor, id);
    const supplier = await this.organisations.findOneBy({ id, type: 'SUPPLIER' });
    if (!supplier) throw ProblemException.notFound('Supplier', id);
    return toSupplierView(supplier);
  }

  async create(actor: Actor, dto: CreateSupplierDto): Promise<SupplierView> {
    return this.uow.run(async (tx) => {
      const saved = await this.organisations.create(tx.manager, {
        type: 'SUPPLIER',
        name: dto.name,
        companyNumber: dto.companyNumber ?? null,
        onboardingStatus: 'not_invited',
      });
      const view = toSupplierView(saved);
      await this.audit.record(tx.manager, actor, {
        action: 'supplier.created',
        entityType: 'supplier',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateSupplierDto): Promise<SupplierView> {
    return this.mutate(actor, id, 'supplier.updated', (s) => Object.assign(s, dto));
  }

  /** Onboarding moves: not_invited → invited → active → inactive (see ONBOARDING_TRANSITIONS). */
  async transition(
    actor: Actor,
    id: string,
    to: OnboardingStatus,
    note?: string,
  ): Promise<SupplierView> {
    const moved = await this.mutate(
      actor,
      id,
      `supplier.${to}`,
      (s) => {
        const from = s.onboardingStatus!;
        assertTransition(ONBOARDING_TRANSITIONS, from, to, 'a supplier');
        s.onboardingStatus = to;
      },
      note,
    );
    // An organisation made inactive ends its users' and tokens' access.
    this.authenticator.forgetPrincipals();
    return moved;
  }

  private async mutate(
    actor: Actor,
    id: string,
    action: string,
    change: (s: Organisation) => void,
    note?: string,
  ): Promise<SupplierView> {
    assertSupplierVisible(actor, id);
    return this.uow.run(async (tx) => {
      const supplier = await this.organisations.lockForChange(tx.manager, { id, type: 'SUPPLIER' });
      if (!supplier) throw ProblemException.notFound('Supplier', id);
      const before = toSupplierView(supplier);
      change(supplier);
      const after = toSupplierView(await this.organisations.update(tx.manager, supplier));
      await this.audit.record(tx.manager, actor, {
        action,
        entityType: 'supplier',
        entityId: id,
        before,
        after: note ? { ...after, note } : after,
      });
      return after;
    });
  }
}
