import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, isProgrammeStaff } from '../auth/actor.js';
import { SqlParams } from '../common/sql/sql-params.js';
import { visibleProductsSql } from '../products/product-access.js';
import { Product } from '../products/product.entity.js';
import type { EvaluationQueryDto } from './dto/usability-evaluation.dto.js';
import { UsabilityEvaluation } from './usability-evaluation.entity.js';

/** Usability evaluations of products. */
@Injectable()
export class UsabilityEvaluationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Evaluations of products the caller sees; published ones only for councils and agencies. */
  list(actor: Actor, q: EvaluationQueryDto): Promise<[UsabilityEvaluation[], number]> {
    const qb = this.db
      .getRepository(UsabilityEvaluation)
      .createQueryBuilder('e')
      .innerJoin(Product, 'p', 'p.id = e.product_id');
    const vis = SqlParams.named('vis');
    const scope = visibleProductsSql(actor, vis, 'p');
    if (scope) qb.andWhere(scope, vis.byName);
    if (!isProgrammeStaff(actor) && actor.role !== 'supplier') {
      qb.andWhere(`e.status = 'published'`);
    }
    if (q.productId) qb.andWhere('e.product_id = :productId', { productId: q.productId });
    if (q.status) qb.andWhere('e.status = :status', { status: q.status });
    return qb
      .orderBy('e.evaluated_on', 'DESC')
      .addOrderBy('e.id')
      .skip(q.offset)
      .take(q.limit)
      .getManyAndCount();
  }

  findWithProduct(id: string): Promise<UsabilityEvaluation | null> {
    return this.db
      .getRepository(UsabilityEvaluation)
      .findOne({ where: { id }, relations: { product: true } });
  }

  lockForChange(m: EntityManager, id: string): Promise<UsabilityEvaluation | null> {
    return m.findOne(UsabilityEvaluation, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  create(m: EntityManager, fields: Partial<UsabilityEvaluation>): Promise<UsabilityEvaluation> {
    return m.save(m.create(UsabilityEvaluation, fields));
  }

  persist(m: EntityManager, e: UsabilityEvaluation): Promise<UsabilityEvaluation> {
    return m.save(e);
  }

  findProduct(m: EntityManager, id: string): Promise<Product | null> {
    return m.findOneBy(Product, { id });
  }
}
