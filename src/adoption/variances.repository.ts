import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DeepPartial, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { SqlParams } from '../common/sql/sql-params.js';
import { councilIdSql } from '../organisations/council-ref.js';
import { visibleAdoptionsSql } from './adoption-queries.js';
import type { VarianceQueryDto } from './dto/variance.dto.js';
import { LocalVariance } from './local-variance.entity.js';

/** Variances of adoptions the caller can see (aliases as in ADOPTION_SELECT, v the variance). */
const VARIANCE_FROM = `FROM local_variances v
    JOIN adoptions a ON a.id = v.adoption_id
    JOIN organisations o ON o.id = a.council_id
    JOIN services s ON s.id = a.service_id
    LEFT JOIN products p ON p.id = a.product_id
    LEFT JOIN shared_services ss ON ss.id = a.shared_service_id`;

/** One page of matches (id null when the page is past the last one) and the total. */
export interface VariancePageRow {
  id: string | null;
  total: number;
  council_name: string;
  gss_code: string;
  service_code: string;
}

@Injectable()
export class VariancesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  page(actor: Actor, q: VarianceQueryDto, adoptionId?: string): Promise<VariancePageRow[]> {
    const p = new SqlParams();
    const where = [visibleAdoptionsSql(actor, p)];
    if (adoptionId) where.push(`v.adoption_id = ${p.add(adoptionId)}`);
    if (q.requirementCode) where.push(`v.requirement_code = ${p.add(q.requirementCode)}`);
    if (q.councilId) where.push(`v.council_id = ${councilIdSql(q.councilId, p.add(q.councilId))}`);
    if (q.serviceId) where.push(`v.service_id = ${p.add(q.serviceId)}`);
    if (q.status) where.push(`v.status = ${p.add(q.status)}`);
    const clause = where.filter(Boolean).length
      ? `WHERE ${where.filter(Boolean).join(' AND ')}`
      : '';
    return this.db.query<VariancePageRow[]>(
      // The total comes from all matches, so it stays right on a page past the last one.
      `WITH matched AS (
         SELECT v.id, o.name AS council_name, o.gss_code, s.code AS service_code,
                v.requirement_code, v.created_at
           ${VARIANCE_FROM} ${clause})
       SELECT t.total, pg.id, pg.council_name, pg.gss_code, pg.service_code
         FROM (SELECT count(*)::int AS total FROM matched) t
         LEFT JOIN LATERAL (
           SELECT * FROM matched ORDER BY requirement_code, council_name, created_at
            LIMIT ${p.add(q.limit)} OFFSET ${p.add(q.offset)}) pg ON true`,
      p.values,
    );
  }

  async byIds(ids: string[]): Promise<LocalVariance[]> {
    if (ids.length === 0) return [];
    return this.db
      .getRepository(LocalVariance)
      .createQueryBuilder('v')
      .where('v.id = ANY(:ids)', { ids })
      .getMany();
  }

  /** The requirement code when it is in the service's published baseline. */
  async publishedRequirement(
    m: EntityManager,
    serviceId: string,
    code: string,
  ): Promise<string | undefined> {
    const [req] = await m.query<{ code: string }[]>(
      `SELECT r.code FROM requirements r
         JOIN requirement_sets rs ON rs.id = r.requirement_set_id
        WHERE rs.service_id = $1 AND rs.status = 'published' AND r.code = $2 LIMIT 1`,
      [serviceId, code],
    );
    return req?.code;
  }

  create(m: EntityManager, variance: DeepPartial<LocalVariance>): Promise<LocalVariance> {
    return m.save(m.create(LocalVariance, variance));
  }

  lockForChange(m: EntityManager, id: string, adoptionId: string): Promise<LocalVariance | null> {
    return m.findOne(LocalVariance, {
      where: { id, adoptionId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  update(m: EntityManager, variance: LocalVariance): Promise<LocalVariance> {
    return m.save(variance);
  }
}
