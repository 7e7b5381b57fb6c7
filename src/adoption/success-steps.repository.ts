import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DeepPartial, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AdoptionStep } from './adoption-step.entity.js';
import { SuccessStep } from './success-step.entity.js';

export interface StepServiceRow {
  code: string;
  delivery_model: string;
}

export interface StepCompletionRow {
  id: string;
  completed_at: Date | null;
  completed_by_label: string | null;
  note: string | null;
}

@Injectable()
export class SuccessStepsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  forService(serviceId: string): Promise<SuccessStep[]> {
    return this.db.getRepository(SuccessStep).find({ where: { serviceId } });
  }

  async byIds(ids: string[]): Promise<SuccessStep[]> {
    if (ids.length === 0) return [];
    return this.db
      .getRepository(SuccessStep)
      .createQueryBuilder('st')
      .where('st.id = ANY(:ids)', { ids })
      .getMany();
  }

  async service(m: EntityManager, serviceId: string): Promise<StepServiceRow | undefined> {
    const [service] = await m.query<StepServiceRow[]>(
      `SELECT code, delivery_model FROM services WHERE id = $1`,
      [serviceId],
    );
    return service;
  }

  findOneBy(m: EntityManager, where: FindOptionsWhere<SuccessStep>): Promise<SuccessStep | null> {
    return m.findOneBy(SuccessStep, where);
  }

  create(m: EntityManager, step: DeepPartial<SuccessStep>): Promise<SuccessStep> {
    return m.save(m.create(SuccessStep, step));
  }

  lockForChange(m: EntityManager, id: string): Promise<SuccessStep | null> {
    return m.findOne(SuccessStep, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  update(m: EntityManager, step: SuccessStep): Promise<SuccessStep> {
    return m.save(step);
  }

  /** The service's steps (active ones, and any done) with the adoption's completions. */
  completions(serviceId: string, adoptionId: string): Promise<StepCompletionRow[]> {
    return this.db.query<StepCompletionRow[]>(
      `SELECT st.id, d.completed_at, d.completed_by_label, d.note
         FROM success_steps st
         LEFT JOIN adoption_steps d ON d.step_id = st.id AND d.adoption_id = $2
        WHERE st.service_id = $1 AND (st.active OR d.step_id IS NOT NULL)`,
      [serviceId, adoptionId],
    );
  }

  findDone(m: EntityManager, adoptionId: string, stepId: string): Promise<AdoptionStep | null> {
    return m.findOneBy(AdoptionStep, { adoptionId, stepId });
  }

  async markDone(m: EntityManager, done: QueryDeepPartialEntity<AdoptionStep>): Promise<void> {
    await m.insert(AdoptionStep, done);
  }

  async reopen(m: EntityManager, adoptionId: string, stepId: string): Promise<void> {
    await m.delete(AdoptionStep, { adoptionId, stepId });
  }
}
