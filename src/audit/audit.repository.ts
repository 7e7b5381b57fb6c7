import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AuditEvent } from './audit-event.entity.js';
import type { AuditEventQueryDto } from './dto/audit-event-query.dto.js';

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(m: EntityManager, event: QueryDeepPartialEntity<AuditEvent>): Promise<void> {
    await m.insert(AuditEvent, event);
  }

  async list(q: AuditEventQueryDto): Promise<[AuditEvent[], number]> {
    const qb = this.db.getRepository(AuditEvent).createQueryBuilder('e');
    if (q.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: q.entityType });
    if (q.entityId) qb.andWhere('e.entity_id = :entityId', { entityId: q.entityId });
    if (q.actorUserId) qb.andWhere('e.actor_user_id = :actor', { actor: q.actorUserId });
    if (q.organisationId) qb.andWhere('e.organisation_id = :org', { org: q.organisationId });
    if (q.action) qb.andWhere('e.action = :action', { action: q.action });
    if (q.from) qb.andWhere('e.occurred_at >= :from', { from: q.from });
    if (q.to) qb.andWhere('e.occurred_at < :to', { to: q.to });
    return qb
      .orderBy('e.occurred_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .skip(q.offset)
      .take(q.limit)
      .getManyAndCount();
  }
}
