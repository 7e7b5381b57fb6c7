import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { auditDiff } from './audit-diff.js';
import { AuditEvent } from './audit-event.entity.js';
import type { AuditEventQueryDto } from './dto/audit-event-query.dto.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
}

/** Writes audit events inside the caller's transaction, so no change goes unrecorded. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(manager: EntityManager, actor: Actor, entry: AuditEntry): Promise<void> {
    await manager.insert(AuditEvent, {
      actorUserId: actor.userId,
      actorTokenId: actor.tokenId,
      actorLabel: actor.label,
      organisationId: actor.organisationId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      changes: auditDiff(entry.before ?? null, entry.after ?? null),
      requestId: actor.requestId,
      ip: actor.ip,
    });
  }

  async list(q: AuditEventQueryDto): Promise<Page<AuditEvent>> {
    const qb = this.db.getRepository(AuditEvent).createQueryBuilder('e');
    if (q.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: q.entityType });
    if (q.entityId) qb.andWhere('e.entity_id = :entityId', { entityId: q.entityId });
    if (q.actorUserId) qb.andWhere('e.actor_user_id = :actor', { actor: q.actorUserId });
    if (q.organisationId) qb.andWhere('e.organisation_id = :org', { org: q.organisationId });
    if (q.action) qb.andWhere('e.action = :action', { action: q.action });
    if (q.from) qb.andWhere('e.occurred_at >= :from', { from: q.from });
    if (q.to) qb.andWhere('e.occurred_at < :to', { to: q.to });
    const [rows, total] = await qb
      .orderBy('e.occurred_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .skip(q.offset)
      .take(q.limit)
      .getManyAndCount();
    return toPage(rows, total, q);
  }
}
