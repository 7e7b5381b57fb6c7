import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { auditDiff } from './audit-diff.js';
import type { AuditEvent } from './audit-event.entity.js';
import { AuditRepository } from './audit.repository.js';
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
  constructor(private readonly audit: AuditRepository) {}

  async record(manager: EntityManager, actor: Actor, entry: AuditEntry): Promise<void> {
    await this.audit.create(manager, {
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
    const [rows, total] = await this.audit.list(q);
    return toPage(rows, total, q);
  }
}
