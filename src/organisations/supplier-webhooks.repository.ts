import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { SupplierWebhook } from './supplier-webhook.entity.js';

@Injectable()
export class SupplierWebhooksRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  findOneBy(
    where: FindOptionsWhere<SupplierWebhook>,
    m: EntityManager = this.db.manager,
  ): Promise<SupplierWebhook | null> {
    return m.findOneBy(SupplierWebhook, where);
  }

  lockForChange(m: EntityManager, supplierId: string): Promise<SupplierWebhook | null> {
    return m.findOne(SupplierWebhook, {
      where: { supplierId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  build(m: EntityManager, supplierId: string): SupplierWebhook {
    return m.create(SupplierWebhook, { supplierId });
  }

  store(m: EntityManager, hook: SupplierWebhook): Promise<SupplierWebhook> {
    return m.save(hook);
  }

  async delete(m: EntityManager, supplierId: string): Promise<void> {
    await m.delete(SupplierWebhook, { supplierId });
  }

  /** Whether the active endpoint at that URL was disabled. */
  async disable(m: EntityManager, supplierId: string, url: string): Promise<boolean> {
    const { affected } = await m.update(
      SupplierWebhook,
      { supplierId, url, active: true },
      { active: false },
    );
    return !!affected;
  }
}
