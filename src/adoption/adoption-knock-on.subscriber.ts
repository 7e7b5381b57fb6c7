import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import type {
  CertificateKnockOn,
  DomainEventPayloads,
  ProductKnockOn,
} from '../queue/domain-event-registry.js';
import { OnDomainEvent } from '../queue/on-domain-event.decorator.js';
import { AdoptionsRepository } from './adoptions.repository.js';

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

  constructor(private readonly adoptions: AdoptionsRepository) {}

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
    const rows = await this.adoptions.flagRoutedThrough({
      productId: e.productId,
      serviceId,
      reason,
      cause,
      actorLabel: SYSTEM_ACTOR.label,
    });
    const flaggedCouncils = new Set(rows.map((r) => r.council_id));
    const stale = e.councilIds.filter((id) => !flaggedCouncils.has(id));
    if (stale.length > 0 && rows.length > 0) {
      this.log.log(`${cause}: ${stale.length} council(s) in the event no longer route through it`);
    }
    return { flagged: rows.length };
  }
}
