import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { MitigationAction } from './mitigation-action.entity.js';

/** Mitigation actions of register entries. */
@Injectable()
export class MitigationActionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  listOfRisk(riskId: string): Promise<MitigationAction[]> {
    return this.db
      .getRepository(MitigationAction)
      .find({ where: { riskId }, order: { dueDate: 'ASC', createdAt: 'ASC' } });
  }

  create(m: EntityManager, fields: Partial<MitigationAction>): Promise<MitigationAction> {
    return m.save(m.create(MitigationAction, fields));
  }

  lockForChange(m: EntityManager, riskId: string, id: string): Promise<MitigationAction | null> {
    return m.findOne(MitigationAction, {
      where: { id, riskId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  persist(m: EntityManager, action: MitigationAction): Promise<MitigationAction> {
    return m.save(action);
  }
}
