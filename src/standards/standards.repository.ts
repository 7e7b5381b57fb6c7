import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { Service } from '../catalogue/service.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import type { StandardQueryDto } from './dto/standard-query.dto.js';
import { Standard } from './standard.entity.js';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/** A standard's schema and the revision it belongs to. */
export interface StandardSchemaRow {
  id: string;
  revision: number;
  jsonSchema: object | null;
}

/** Standards, the services they govern, and the owners and services they refer to. */
@Injectable()
export class StandardsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(q: StandardQueryDto): Promise<[Standard[], number]> {
    const qb = this.db
      .getRepository(Standard)
      .createQueryBuilder('st')
      .innerJoinAndSelect('st.owner', 'o')
      .leftJoinAndSelect('st.services', 'svc');
    if (q.status) qb.andWhere('st.status = :status', { status: q.status });
    if (q.ownerId) qb.andWhere('st.owner_id = :owner', { owner: q.ownerId });
    if (q.serviceId) {
      qb.andWhere(
        'st.id IN (SELECT standard_id FROM standard_services WHERE service_id = :service)',
        { service: q.serviceId },
      );
    }
    if (q.q) {
      qb.andWhere('(st.code LIKE :prefix OR st.name ILIKE :like)', {
        prefix: `${escapeLike(q.q.toUpperCase())}%`,
        like: `%${escapeLike(q.q)}%`,
      });
    }
    return qb
      .orderBy('st.code')
      .addOrderBy('st.version')
      .skip(q.offset)
      .take(q.limit)
      .getManyAndCount();
  }

  findWithRelations(id: string, m: EntityManager = this.db.manager): Promise<Standard | null> {
    return m.findOne(Standard, { where: { id }, relations: { owner: true, services: true } });
  }

  lockForChange(m: EntityManager, id: string): Promise<Standard | null> {
    return m.findOne(Standard, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  exists(code: string, version: string): Promise<boolean> {
    return this.db.getRepository(Standard).existsBy({ code, version });
  }

  create(m: EntityManager, fields: Partial<Standard>): Promise<Standard> {
    return m.save(m.create(Standard, fields));
  }

  /** Whether another version of the code exists besides `id`. */
  async hasOtherVersion(m: EntityManager, code: string, id: string): Promise<boolean> {
    const [earlier] = await m.query<unknown[]>(
      `SELECT 1 FROM standards WHERE code = $1 AND id <> $2 LIMIT 1`,
      [code, id],
    );
    return earlier !== undefined;
  }

  async update(
    m: EntityManager,
    id: string,
    patch: QueryDeepPartialEntity<Standard>,
  ): Promise<void> {
    await m.update(Standard, { id }, patch);
  }

  async replaceServices(m: EntityManager, id: string, serviceIds: string[]): Promise<void> {
    await m.query(`DELETE FROM standard_services WHERE standard_id = $1`, [id]);
    await m.query(
      `INSERT INTO standard_services (standard_id, service_id) SELECT $1, unnest($2::uuid[])`,
      [id, serviceIds],
    );
  }

  schemasOf(ids: string[]): Promise<StandardSchemaRow[]> {
    return this.db.query<StandardSchemaRow[]>(
      `SELECT id, revision, json_schema AS "jsonSchema" FROM standards WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  findOrganisation(id: string): Promise<Organisation | null> {
    return this.db.getRepository(Organisation).findOneBy({ id });
  }

  findServices(ids: string[]): Promise<Service[]> {
    return this.db.getRepository(Service).findBy({ id: In(ids) });
  }
}
