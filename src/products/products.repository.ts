import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DeepPartial, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { Actor } from '../auth/actor.js';
import { SqlParams } from '../common/sql/sql-params.js';
import type { ProductQueryDto } from './dto/product.dto.js';
import { visibleProductsSql } from './product-access.js';
import { ProductHistory } from './product-history.entity.js';
import { ProductService } from './product-service.entity.js';
import { Product } from './product.entity.js';

@Injectable()
export class ProductsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The products the actor may see, filtered and paged. */
  page(actor: Actor, q: ProductQueryDto): Promise<[Product[], number]> {
    const qb = this.db.getRepository(Product).createQueryBuilder('p');
    const vis = SqlParams.named('vis');
    const scope = visibleProductsSql(actor, vis, 'p');
    if (scope) qb.andWhere(scope, vis.byName);
    if (q.supplierId) qb.andWhere('p.supplier_id = :supplierId', { supplierId: q.supplierId });
    if (q.status) qb.andWhere('p.status = :status', { status: q.status });
    if (q.serviceId) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM product_services ps WHERE ps.product_id = p.id AND ps.service_id = :serviceId)',
        { serviceId: q.serviceId },
      );
    }
    return qb
      .orderBy('p.name')
      .addOrderBy('p.product_version')
      .addOrderBy('p.id')
      .skip(q.offset)
      .take(q.limit)
      .getManyAndCount();
  }

  findById(id: string): Promise<Product | null> {
    return this.db.getRepository(Product).findOneBy({ id });
  }

  lockById(m: EntityManager, id: string): Promise<Product | null> {
    return m.findOne(Product, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  create(m: EntityManager, product: DeepPartial<Product>): Promise<Product> {
    return m.save(m.create(Product, product));
  }

  update(m: EntityManager, product: Product): Promise<Product> {
    return m.save(product);
  }

  /** Each product's claimed service ids (an empty list for one that claims none). */
  async serviceIds(
    productIds: string[],
    m: EntityManager = this.db.manager,
  ): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>(productIds.map((id) => [id, []]));
    if (productIds.length === 0) return map;
    const rows = await m.query<{ product_id: string; service_id: string }[]>(
      `SELECT product_id, service_id FROM product_services WHERE product_id = ANY($1)`,
      [productIds],
    );
    for (const r of rows) map.get(r.product_id)?.push(r.service_id);
    return map;
  }

  /** Those of the ids that are catalogue services. */
  async existingServiceIds(m: EntityManager, serviceIds: string[]): Promise<string[]> {
    const rows = await m.query<{ id: string }[]>(`SELECT id FROM services WHERE id = ANY($1)`, [
      serviceIds,
    ]);
    return rows.map((r) => r.id);
  }

  async replaceServices(m: EntityManager, productId: string, serviceIds: string[]): Promise<void> {
    await m.query(
      `DELETE FROM product_services WHERE product_id = $1 AND NOT (service_id = ANY($2))`,
      [productId, serviceIds],
    );
    if (serviceIds.length > 0) {
      await m
        .createQueryBuilder()
        .insert()
        .into(ProductService)
        .values(serviceIds.map((serviceId) => ({ productId, serviceId })))
        .orIgnore()
        .execute();
    }
  }

  async addHistory(m: EntityManager, row: QueryDeepPartialEntity<ProductHistory>): Promise<void> {
    await m.insert(ProductHistory, row);
  }

  history(productId: string): Promise<ProductHistory[]> {
    return this.db
      .getRepository(ProductHistory)
      .find({ where: { productId }, order: { occurredAt: 'ASC' } });
  }

  async organisationType(m: EntityManager, id: string): Promise<string | undefined> {
    const [org] = await m.query<{ type: string }[]>(
      `SELECT type FROM organisations WHERE id = $1`,
      [id],
    );
    return org?.type;
  }

  /** Councils whose adoption delivers a service through this product (knock-on events). */
  async councilsUsing(m: EntityManager, productId: string): Promise<string[]> {
    const [row] = await m.query<{ ids: string[] }[]>(
      `SELECT coalesce(array_agg(DISTINCT council_id ORDER BY council_id), '{}') AS ids
         FROM adoptions WHERE product_id = $1`,
      [productId],
    );
    return row.ids;
  }
}
