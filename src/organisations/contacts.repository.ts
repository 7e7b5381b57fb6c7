import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DeepPartial, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { SupplierContact } from './supplier-contact.entity.js';

/** An organisation's contacts (suppliers' and councils' share the table). */
@Injectable()
export class ContactsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  forOrganisation(supplierId: string): Promise<SupplierContact[]> {
    return this.db
      .getRepository(SupplierContact)
      .find({ where: { supplierId }, order: { name: 'ASC' } });
  }

  findOneBy(
    where: FindOptionsWhere<SupplierContact>,
    m: EntityManager = this.db.manager,
  ): Promise<SupplierContact | null> {
    return m.findOneBy(SupplierContact, where);
  }

  lockForChange(
    m: EntityManager,
    where: FindOptionsWhere<SupplierContact>,
  ): Promise<SupplierContact | null> {
    return m.findOne(SupplierContact, { where, lock: { mode: 'pessimistic_write' } });
  }

  create(m: EntityManager, contact: DeepPartial<SupplierContact>): Promise<SupplierContact> {
    return m.save(m.create(SupplierContact, contact));
  }

  update(m: EntityManager, contact: SupplierContact): Promise<SupplierContact> {
    return m.save(contact);
  }

  async delete(m: EntityManager, id: string): Promise<void> {
    await m.delete(SupplierContact, { id });
  }

  /** Whether an active contact was made inactive. */
  async deactivate(m: EntityManager, id: string, inactiveReason: string): Promise<boolean> {
    const { affected } = await m.update(
      SupplierContact,
      { id, active: true },
      { active: false, inactiveReason },
    );
    return !!affected;
  }
}
