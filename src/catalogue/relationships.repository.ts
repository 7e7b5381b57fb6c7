import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DeepPartial, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { RelationshipQueryDto } from './dto/relationship-query.dto.js';
import { ServiceRelationship } from './service-relationship.entity.js';

/** Serialises depends_on inserts so two concurrent edges cannot close a cycle together. */
const DEPENDS_ON_LOCK = `pg_advisory_xact_lock(hashtext('service_relationships.depends_on'))`;

@Injectable()
export class RelationshipsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every relationship with both ends and its standard, for lists and the graph. */
  private select(m: EntityManager = this.db.manager): SelectQueryBuilder<ServiceRelationship> {
    return m
      .getRepository(ServiceRelationship)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.fromService', 'f')
      .innerJoinAndSelect('r.toService', 't')
      .leftJoin('r.standard', 'st')
      .addSelect(['st.id', 'st.code', 'st.name', 'st.version']);
  }

  all(): Promise<ServiceRelationship[]> {
    return this.select().orderBy('r.type').addOrderBy('f.code').addOrderBy('t.code').getMany();
  }

  page(serviceId: string, q: RelationshipQueryDto): Promise<[ServiceRelationship[], number]> {
    const qb = this.select();
    if (q.direction === 'outgoing') qb.where('r.from_service_id = :id', { id: serviceId });
    else if (q.direction === 'incoming') qb.where('r.to_service_id = :id', { id: serviceId });
    else qb.where('(r.from_service_id = :id OR r.to_service_id = :id)', { id: serviceId });
    if (q.type) qb.andWhere('r.type = :type', { type: q.type });
    return qb
      .orderBy('r.type')
      .addOrderBy('f.code')
      .addOrderBy('t.code')
      .skip(q.offset)
      .take(q.limit)
      .getManyAndCount();
  }

  getById(m: EntityManager, id: string): Promise<ServiceRelationship> {
    return this.select(m).where('r.id = :id', { id }).getOneOrFail();
  }

  /** The relationship when one of its ends is the service. */
  findForService(
    m: EntityManager,
    id: string,
    serviceId: string,
  ): Promise<ServiceRelationship | null> {
    return this.select(m)
      .where('r.id = :id', { id })
      .andWhere('(r.from_service_id = :serviceId OR r.to_service_id = :serviceId)', {
        serviceId,
      })
      .getOne();
  }

  async lockDependsOn(m: EntityManager): Promise<void> {
    await m.query(`SELECT ${DEPENDS_ON_LOCK}`);
  }

  /**
   * The shortest loop `from` depends_on `to` would close (walking depends_on edges from
   * `to` in one recursive query), as service codes; undefined when there is none.
   */
  async cycle(m: EntityManager, fromId: string, toId: string): Promise<string[] | undefined> {
    const [hit] = await m.query<{ codes: string[] }[]>(
      `WITH RECURSIVE walk(id, path) AS (
         SELECT $2::uuid, ARRAY[$2::uuid]
         UNION ALL
         SELECT r.to_service_id, w.path || r.to_service_id
           FROM walk w
           JOIN service_relationships r ON r.from_service_id = w.id AND r.type = 'depends_on'
          WHERE NOT r.to_service_id = ANY(w.path) AND w.id <> $1::uuid
       ), found AS (
         SELECT path FROM walk WHERE id = $1::uuid ORDER BY array_length(path, 1) LIMIT 1
       )
       SELECT ARRAY(
                SELECT s.code FROM unnest(ARRAY[$1::uuid] || f.path) WITH ORDINALITY AS u(id, n)
                  JOIN services s ON s.id = u.id ORDER BY u.n
              ) AS codes
         FROM found f`,
      [fromId, toId],
    );
    return hit?.codes;
  }

  /** An edge of that type between the pair (either direction for exchanges_data_with). */
  async findDuplicate(
    m: EntityManager,
    fromId: string,
    toId: string,
    type: string,
  ): Promise<{ id: string } | undefined> {
    const [dup] = await m.query<{ id: string }[]>(
      `SELECT id FROM service_relationships
        WHERE type = $3 AND ((from_service_id = $1 AND to_service_id = $2)
           OR ($3 = 'exchanges_data_with' AND from_service_id = $2 AND to_service_id = $1))`,
      [fromId, toId, type],
    );
    return dup;
  }

  create(
    m: EntityManager,
    relationship: DeepPartial<ServiceRelationship>,
  ): Promise<ServiceRelationship> {
    return m.save(m.create(ServiceRelationship, relationship));
  }

  async delete(m: EntityManager, id: string): Promise<void> {
    await m.delete(ServiceRelationship, { id });
  }
}
