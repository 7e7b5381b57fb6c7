import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '../../auth/actor.js';
import { AuditService } from '../../audit/audit.service.js';
import { JobName } from '../../queue/job-registry.js';
import { UnitOfWork } from '../../queue/unit-of-work.service.js';
import type { Notice } from './trigger-notices.js';
import { TriggersRepository } from './triggers.repository.js';

/**
 * Creates a system communication for a domain event and sends it through the ordinary
 * fan-out, exactly once per dedupe key: the insert and the fan-out job commit together,
 * and a redelivered event hits the unique key and creates (and sends) nothing.
 */
@Injectable()
export class TriggeredCommunications {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly triggers: TriggersRepository,
  ) {}

  /**
   * The new communication's id, or null when this notice exists already. `onCreated` runs
   * in the same transaction with the new id (e.g. to link the records it notifies about).
   */
  async send(
    n: Notice,
    event: string,
    onCreated?: (m: EntityManager, communicationId: string) => Promise<void>,
  ): Promise<string | null> {
    return this.uow.run(async (tx) => {
      const id = await this.triggers.addTriggered(tx.manager, n);
      if (!id) return null;
      await onCreated?.(tx.manager, id);
      tx.emit(JobName.CommunicationFanOut, { communicationId: id });
      await this.audit.record(tx.manager, SYSTEM_ACTOR, {
        action: 'communication.triggered',
        entityType: 'communication',
        entityId: id,
        after: {
          event,
          dedupeKey: n.dedupeKey,
          topic: n.topic,
          ...(n.mandatory === false && { mandatory: false }),
          audience: n.audience,
        },
      });
      return id;
    });
  }
}
