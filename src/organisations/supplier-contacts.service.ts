import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type {
  CreateSupplierContactDto,
  UpdateSupplierContactDto,
} from './dto/supplier-contact.dto.js';
import { Organisation } from './organisation.entity.js';
import { SupplierContact } from './supplier-contact.entity.js';
import { assertSupplierVisible } from './supplier-scope.js';

const view = (c: SupplierContact) => ({
  id: c.id,
  supplierId: c.supplierId,
  name: c.name,
  email: c.email,
  topics: c.topics,
  active: c.active,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});
type ContactView = ReturnType<typeof view>;

/** The people at a supplier who receive communications, with their topics. */
@Injectable()
export class SupplierContactsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, supplierId: string): Promise<{ data: ContactView[] }> {
    await this.requireSupplier(actor, supplierId);
    const rows = await this.db
      .getRepository(SupplierContact)
      .find({ where: { supplierId }, order: { name: 'ASC' } });
    return { data: rows.map(view) };
  }

  async create(
    actor: Actor,
    supplierId: string,
    dto: CreateSupplierContactDto,
  ): Promise<ContactView> {
    await this.requireSupplier(actor, supplierId);
    return this.uow.run(async (tx) => {
      const saved = await tx.manager.save(
        tx.manager.create(SupplierContact, {
          supplierId,
          name: dto.name,
          email: dto.email.toLowerCase(),
          topics: dto.topics ?? [],
          active: dto.active ?? true,
        }),
      );
      await this.audit.record(tx.manager, actor, {
        action: 'supplier_contact.created',
        entityType: 'supplier_contact',
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
    await this.requireSupplier(actor, supplierId);
    return this.uow.run(async (tx) => {
      const contact = await tx.manager.findOne(SupplierContact, {
        where: { id, supplierId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!contact) throw ProblemException.notFound('Contact', id);
      const before = view(contact);
      Object.assign(contact, dto, dto.email ? { email: dto.email.toLowerCase() } : {});
      const after = view(await tx.manager.save(contact));
      await this.audit.record(tx.manager, actor, {
        action: 'supplier_contact.updated',
        entityType: 'supplier_contact',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  async remove(actor: Actor, supplierId: string, id: string): Promise<void> {
    await this.requireSupplier(actor, supplierId);
    await this.uow.run(async (tx) => {
      const contact = await tx.manager.findOneBy(SupplierContact, { id, supplierId });
      if (!contact) throw ProblemException.notFound('Contact', id);
      await tx.manager.delete(SupplierContact, { id });
      await this.audit.record(tx.manager, actor, {
        action: 'supplier_contact.deleted',
        entityType: 'supplier_contact',
        entityId: id,
        before: view(contact),
      });
    });
  }

  private async requireSupplier(actor: Actor, supplierId: string): Promise<void> {
    assertSupplierVisible(actor, supplierId);
    const exists = await this.db
      .getRepository(Organisation)
      .existsBy({ id: supplierId, type: 'SUPPLIER' });
    if (!exists) throw ProblemException.notFound('Supplier', supplierId);
  }
}
