import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, QueryFailedError, type SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { type RelationshipView, toRelationshipView } from './catalogue-views.js';
import type { CreateRelationshipDto } from './dto/relationship.dto.js';
import type { RelationshipQueryDto } from './dto/relationship-query.dto.js';
import { ServiceRelationship } from './service-relationship.entity.js';
import { Service } from './service.entity.js';

/** Serialises depends_on inserts so two concurrent edges cannot close a cycle together. */
const DEPENDS_ON_LOCK = `pg_advisory_xact_lock(hashtext('service_relationships.depends_on'))`;

/** Relationships between services; depends_on edges never form a cycle. */
@Injectable()
export class RelationshipsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  /** Every relationship with both ends and its standard, for lists and the graph. */
  query(m: EntityManager = this.db.manager): SelectQueryBuilder<ServiceRelationship> {
    return m
      .getRepository(ServiceRelationship)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.fromService', 'f')
      .innerJoinAndSelect('r.toService', 't')
      .leftJoin('r.standard', 'st')
      .addSelect(['st.id', 'st.code', 'st.name', 'st.version']);
  }

  async list(serviceId: string, q: RelationshipQueryDto): Promise<Page<RelationshipView>> {
    await this.requireService(serviceId);
    const qb = this.query();
    if (q.direction === 'outgoing') qb.where('r.from_service_id = :id', { id: serviceId });
    else if (q.direction === 'incoming') qb.where('r.to_service_id = :id', { id: serviceId });
    else qb.where('(r.from_service_id = :id OR r.to_service_id = :id)', { id: serviceId });
    if (q.type) qb.andWhere('r.type = :type', { type: q.type });
    const [rows, total] = await qb
      .orderBy('r.type')
      .addOrderBy('f.code')
      .addOrderBy('t.code')
      .skip(q.offset)
      .take(q.limit)
      .getManyAndCount();
    return toPage(rows.map(toRelationshipView), total, q);
  }

  async create(
    actor: Actor,
    fromId: string,
    dto: CreateRelationshipDto,
  ): Promise<RelationshipView> {
    await this.requireService(fromId);
    if (dto.toServiceId === fromId) {
      throw ProblemException.unprocessable(
        'self_relationship',
        'A service cannot be related to itself',
      );
    }
    if (!(await this.db.getRepository(Service).existsBy({ id: dto.toServiceId }))) {
      throw ProblemException.unprocessable(
        'unknown_service',
        `Service ${dto.toServiceId} not found`,
      );
    }
    try {
      return await this.uow.run(async (tx) => {
        if (dto.type === 'depends_on') {
          await tx.manager.query(`SELECT ${DEPENDS_ON_LOCK}`);
          await this.refuseCycle(tx.manager, fromId, dto.toServiceId);
        }
        await this.refuseDuplicate(tx.manager, fromId, dto);
        const saved = await tx.manager.save(
          tx.manager.create(ServiceRelationship, {
            fromServiceId: fromId,
            toServiceId: dto.toServiceId,
            type: dto.type,
            standardId: dto.standardId ?? null,
            description: dto.description ?? '',
          }),
        );
        const view = toRelationshipView(
          await this.query(tx.manager).where('r.id = :id', { id: saved.id }).getOneOrFail(),
        );
        await this.audit.record(tx.manager, actor, {
          action: 'service_relationship.created',
          entityType: 'service_relationship',
          entityId: saved.id,
          after: view,
        });
        return view;
      });
    } catch (err) {
      const fkViolation =
        err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '23503';
      if (fkViolation && dto.standardId) {
        throw ProblemException.unprocessable(
          'unknown_standard',
          `Standard ${dto.standardId} not found`,
        );
      }
      throw err;
    }
  }

  async remove(actor: Actor, serviceId: string, id: string): Promise<void> {
    await this.uow.run(async (tx) => {
      const rel = await this.query(tx.manager)
        .where('r.id = :id', { id })
        .andWhere('(r.from_service_id = :serviceId OR r.to_service_id = :serviceId)', {
          serviceId,
        })
        .getOne();
      if (!rel) throw ProblemException.notFound('Relationship', id);
      await tx.manager.delete(ServiceRelationship, { id });
      await this.audit.record(tx.manager, actor, {
        action: 'service_relationship.deleted',
        entityType: 'service_relationship',
        entityId: id,
        before: toRelationshipView(rel),
      });
    });
  }

  /**
   * 409 when `from` depends_on `to` would close a loop: walks depends_on edges from `to`
   * (one recursive query) and names the shortest cycle found, e.g. A → B → C → A.
   */
  private async refuseCycle(m: EntityManager, fromId: string, toId: string): Promise<void> {
    const [hit]: { codes: string[] }[] = await m.query(
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
    if (hit) {
      const cycle = hit.codes;
      throw ProblemException.conflict(
        'dependency_cycle',
        `${cycle[0]} depends_on ${cycle[1]} would create a cycle: ${cycle.join(' → ')}`,
        { cycle },
      );
    }
  }

  /** One edge per pair and type; exchanges_data_with is the same edge in either direction. */
  private async refuseDuplicate(
    m: EntityManager,
    fromId: string,
    dto: CreateRelationshipDto,
  ): Promise<void> {
    const [dup] = await m.query<{ id: string }[]>(
      `SELECT id FROM service_relationships
        WHERE type = $3 AND ((from_service_id = $1 AND to_service_id = $2)
           OR ($3 = 'exchanges_data_with' AND from_service_id = $2 AND to_service_id = $1))`,
      [fromId, dto.toServiceId, dto.type],
    );
    if (dup) {
      throw ProblemException.conflict(
        'duplicate_relationship',
        `These services already have a ${dto.type} relationship`,
        { relationshipId: dup.id },
      );
    }
  }

  private async requireService(id: string): Promise<void> {
    if (!(await this.db.getRepository(Service).existsBy({ id }))) {
      throw ProblemException.notFound('Service', id);
    }
  }
}
