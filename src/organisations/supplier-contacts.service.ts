import { Injectable } from '@nestjs/common';
import { type Actor, SYSTEM_ACTOR } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type {
  CreateSupplierContactDto,
  UpdateSupplierContactDto,
} from './dto/supplier-contact.dto.js';
import { ContactsRepository } from './contacts.repository.js';
import { OrganisationsRepository } from './organisations.repository.js';
import type { SupplierContact } from './supplier-contact.entity.js';
import { requireVisibleOrganisation } from './supplier-scope.js';
import type { SupplierContactViewDto } from './dto/supplier-contact-view.dto.js';

const view = (c: SupplierContact): SupplierContactViewDto => ({
  id: c.id,
  supplierId: c.supplierId,
  name: c.name,
  email: c.email,
  topics: c.topics,
  active: c.active,
  inactiveReason: c.inactiveReason,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});
type ContactView = ReturnType<typeof view>;

export interface SubscriptionsView {
  contactId: string;
  topics: string[];
  /** Mandatory programme notices are delivered whatever the topics. */
  mandatoryNotices: 'always';
}
const subscriptionsView = (c: SupplierContact): SubscriptionsView => ({
  contactId: c.id,
  topics: [...c.topics].sort(),
  mandatoryNotices: 'always',
});

/**
 * The people at an organisation who receive communications, with their topics: a
 * supplier's here, a council's in CouncilContactsService (same table, same rules).
 */
@Injectable()
export class SupplierContactsService {
  /** Whose contacts: the organisation type, and the audit entity type. */
  protected readonly organisationType: 'SUPPLIER' | 'COUNCIL' = 'SUPPLIER';
  protected readonly kind: string = 'supplier_contact';

  constructor(
    protected readonly contacts: ContactsRepository,
    protected readonly organisations: OrganisationsRepository,
    protected readonly uow: UnitOfWork,
    protected readonly audit: AuditService,
  ) {}

  protected requireVisible(actor: Actor, organisationId: string): Promise<void> {
    return requireVisibleOrganisation(
      this.organisations,
      actor,
      organisationId,
      this.organisationType,
    );
  }

  async list(actor: Actor, supplierId: string): Promise<{ data: ContactView[] }> {
    await this.requireVisible(actor, supplierId);
    const rows = await this.contacts.forOrganisation(supplierId);
    return { data: rows.map(view) };
  }

  async create(
    actor: Actor,
    supplierId: string,
    dto: CreateSupplierContactDto,
  ): Promise<ContactView> {
    await this.requireVisible(actor, supplierId);
    return this.uow.run(async (tx) => {
      const saved = await this.contacts.create(tx.manager, {
        supplierId,
        name: dto.name,
        email: dto.email.toLowerCase(),
        topics: dto.topics ?? [],
        active: dto.active ?? true,
      });
      await this.audit.record(tx.manager, actor, {
        action: `${this.kind}.created`,
        entityType: this.kind,
        entityId: saved.id,
        after: view(saved),
      });
      return view(saved);
    });
  }

  async update(
    actor: Actor,
    supplierId: string,
    id: string,
    dto: UpdateSupplierContactDto,
  ): Promise<ContactView> {
    await this.requireVisible(actor, supplierId);
    return this.uow.run(async (tx) => {
      const contact = await this.contacts.lockForChange(tx.manager, { id, supplierId });
      if (!contact) throw ProblemException.notFound('Contact', id);
      const before = view(contact);
      Object.assign(contact, dto, dto.email ? { email: dto.email.toLowerCase() } : {});
      if (dto.active) contact.inactiveReason = null;
      const after = view(await this.contacts.update(tx.manager, contact));
      await this.audit.record(tx.manager, actor, {
        action: `${this.kind}.updated`,
        entityType: this.kind,
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  async remove(actor: Actor, supplierId: string, id: string): Promise<void> {
    await this.requireVisible(actor, supplierId);
    await this.uow.run(async (tx) => {
      const contact = await this.contacts.findOneBy({ id, supplierId }, tx.manager);
      if (!contact) throw ProblemException.notFound('Contact', id);
      await this.contacts.delete(tx.manager, id);
      await this.audit.record(tx.manager, actor, {
        action: `${this.kind}.deleted`,
        entityType: this.kind,
        entityId: id,
        before: view(contact),
      });
    });
  }

  async subscriptions(
    actor: Actor,
    supplierId: string,
    contactId: string,
  ): Promise<SubscriptionsView> {
    await this.requireVisible(actor, supplierId);
    const contact = await this.contacts.findOneBy({ id: contactId, supplierId });
    if (!contact) throw ProblemException.notFound('Contact', contactId);
    return subscriptionsView(contact);
  }

  async setSubscriptions(
    actor: Actor,
    supplierId: string,
    contactId: string,
    topics: string[],
  ): Promise<SubscriptionsView> {
    await this.requireVisible(actor, supplierId);
    return this.uow.run(async (tx) => {
      const contact = await this.contacts.lockForChange(tx.manager, {
        id: contactId,
        supplierId,
      });
      if (!contact) throw ProblemException.notFound('Contact', contactId);
      const before = subscriptionsView(contact);
      contact.topics = [...new Set(topics)].sort();
      const after = subscriptionsView(await this.contacts.update(tx.manager, contact));
      await this.audit.record(tx.manager, actor, {
        action: `${this.kind}.subscriptions_changed`,
        entityType: this.kind,
        entityId: contactId,
        before,
        after,
      });
      return after;
    });
  }

  /** Worker: a contact whose address failed permanently stops receiving; idempotent. */
  async flagUndeliverable(contactId: string, reason: string): Promise<void> {
    await this.uow.run(async (tx) => {
      const flagged = await this.contacts.deactivate(tx.manager, contactId, reason.slice(0, 500));
      if (!flagged) return;
      await this.audit.record(tx.manager, SYSTEM_ACTOR, {
        action: `${this.kind}.flagged_inactive`,
        entityType: this.kind,
        entityId: contactId,
        before: { active: true },
        after: { active: false, inactiveReason: reason.slice(0, 500) },
      });
    });
  }
}
