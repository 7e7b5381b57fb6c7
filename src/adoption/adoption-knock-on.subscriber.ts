import { auditEventsFromRows } from '../audit/audit-sql.js';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import type {
  CertificateKnockOn,
  DomainEventPayloads,
  ProductKnockOn,
} from '../queue/domain-event-registry.js';
import { OnDomainEvent } from '../queue/on-domain-event.decorator.js';

/**
 * Knock-on of conformance events: every adoption routed through the product (for a
 * certificate, through the product for that certificate's service) is flagged
 * `attention_required` with the reason, its version bumped, and the change recorded in
 * its history and the audit log as the system actor, in one statement.
 *
 * The affected set is read at handling time (adoptions whose route is the product now);
 * the event's `councilIds` (a snapshot at publishing) narrow nothing but are logged when
 * they disagree, e.g. a council that changed route in between. Idempotent: an adoption
 * already flagged with the same reason is left alone, so a redelivered event changes
 * nothing.
 */
@Injectable()
export class AdoptionKnockOnSubscriber {
  private readonly log = new Logger(AdoptionKnockOnSubscriber.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @OnDomainEvent('product.suspended')
  async productSuspended(e: DomainEventPayloads['product.suspended']) {
    return this.flag(
      e,
      null,
      `Product "${e.productName}" was suspended: ${e.reason}`,
      'product.suspended',
    );
  }

  @OnDomainEvent('certificate.expired')
  async certificateExpired(e: DomainEventPayloads['certificate.expired']) {
    return this.flag(
      e,
      e.serviceId,
      `The certificate of "${e.productName}" for this service expired on ${e.expiresAt.slice(0, 10)}`,
      'certificate.expired',
    );
  }

  @OnDomainEvent('certificate.revoked')
  async certificateRevoked(e: DomainEventPayloads['certificate.revoked']) {
    return this.flag(
      e,
      e.serviceId,
      `The certificate of "${e.productName}" for this service was revoked: ${e.reason}`,
      'certificate.revoked',
    );
  }

  private async flag(
    e: ProductKnockOn | CertificateKnockOn,
    serviceId: string | null,
    reason: string,
    cause: string,
  ): Promise<{ flagged: number }> {
    const actor = SYSTEM_ACTOR;
    const rows = await this.db.query<{ id: string; council_id: string }[]>(
      `WITH flagged AS (
         UPDATE adoptions a
            SET attention_required = true, attention_reason = $3,
                version = a.version + 1, updated_at = now()
           FROM adoptions old
          WHERE old.id = a.id AND a.route_type = 'product' AND a.product_id = $1
            AND ($2::uuid IS NULL OR a.service_id = $2)
            AND NOT (a.attention_required AND a.attention_reason IS NOT DISTINCT FROM $3)
         RETURNING a.id, a.council_id, a.stage, old.attention_required AS was_required,
                   old.attention_reason AS was_reason),
       history AS (
         INSERT INTO adoption_history (adoption_id, event, changes, note, actor_label)
         SELECT f.id, 'attention_flagged',
                jsonb_build_object(
                  'attentionRequired', jsonb_build_object('before', f.was_required, 'after', true),
                  'attentionReason', jsonb_build_object('before', f.was_reason, 'after', $3::text)),
                $4, $5
           FROM flagged f RETURNING adoption_id),
       audit AS (${auditEventsFromRows({
         actorLabel: '$5',
         action: `'adoption.attention_flagged'`,
         entityType: `'adoption'`,
         entityId: 'f.id::text',
         changes: `jsonb_build_object(
                  'attentionRequired', jsonb_build_object('before', f.was_required, 'after', true),
                  'attentionReason', jsonb_build_object('before', f.was_reason, 'after', $3::text),
                  'cause', jsonb_build_object('before', null, 'after', $4::text))`,
         from: 'flagged f',
       })})
       SELECT f.id, f.council_id FROM flagged f`,
      [e.productId, serviceId, reason, cause, actor.label],
    );
    const flaggedCouncils = new Set(rows.map((r) => r.council_id));
    const stale = e.councilIds.filter((id) => !flaggedCouncils.has(id));
    if (stale.length > 0 && rows.length > 0) {
      this.log.log(`${cause}: ${stale.length} council(s) in the event no longer route through it`);
    }
    return { flagged: rows.length };
  }
}
