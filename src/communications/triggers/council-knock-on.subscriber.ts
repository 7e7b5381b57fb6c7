import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import type {
  DomainEventEnvelope,
  DomainEventPayloads,
} from '../../queue/domain-event-registry.js';
import { OnDomainEvent } from '../../queue/on-domain-event.decorator.js';
import type { Notice } from './trigger-notices.js';
import { TriggeredCommunications } from './triggered-communications.service.js';
import { TriggersRepository } from './triggers.repository.js';

type Payload<T extends keyof DomainEventPayloads> = DomainEventPayloads[T];

const SIGN_OFF = `\n\nAcknowledge receipt: {{ackLink}}\n\nProgramme Office`;

export const COUNCIL_KNOCK_ON = {
  subject: 'Action needed: {{notice.headline}} ({{notice.serviceNames}})',
  body: `Dear {{contact.name}},

{{notice.headline}}. Your council's adoption of {{notice.serviceNames}} is routed through {{notice.productName}} and is now flagged as needing attention: {{notice.reason}}.

Review your delivery route and plan with your supplier. Your adoptions: {{notice.link}}${SIGN_OFF}`,
};

/**
 * Knock-on notices to councils (worker, at least once): when a product is suspended or a
 * certificate revoked or expired, the contacts of every council whose adoption is routed
 * through it get one mandatory notice — one communication per event (dedupe key from the
 * event's natural key), so a redelivered event sends nothing more. The councils are read
 * when the event is handled, as the adoption module's flagging does.
 */
@Injectable()
export class CouncilKnockOnNotices {
  constructor(
    private readonly triggers: TriggersRepository,
    private readonly config: AppConfig,
    private readonly triggered: TriggeredCommunications,
  ) {}

  @OnDomainEvent('product.suspended')
  async productSuspended(e: Payload<'product.suspended'>, envelope: DomainEventEnvelope) {
    return this.notify(
      `trigger:product.suspended:councils:${e.productId}:${envelope.occurredAt}`,
      'product.suspended',
      e.productId,
      null,
      {
        productName: e.productName,
        headline: `${e.productName} was suspended`,
        reason: e.reason,
      },
    );
  }

  @OnDomainEvent('certificate.revoked')
  async certificateRevoked(e: Payload<'certificate.revoked'>) {
    return this.notify(
      `trigger:certificate.revoked:councils:${e.certificateId}`,
      'certificate.revoked',
      e.productId,
      e.serviceId,
      {
        productName: e.productName,
        headline: `The certificate of ${e.productName} was revoked`,
        reason: e.reason,
      },
    );
  }

  @OnDomainEvent('certificate.expired')
  async certificateExpired(e: Payload<'certificate.expired'>) {
    return this.notify(
      `trigger:certificate.expired:councils:${e.certificateId}`,
      'certificate.expired',
      e.productId,
      e.serviceId,
      {
        productName: e.productName,
        headline: `The certificate of ${e.productName} expired on ${e.expiresAt.slice(0, 10)}`,
        reason: 'the product is no longer certified for this service',
      },
    );
  }

  private async notify(
    dedupeKey: string,
    event: string,
    productId: string,
    serviceId: string | null,
    notice: { productName: string; headline: string; reason: string },
  ): Promise<string | null> {
    const row = await this.triggers.councilsAdopting(productId, serviceId);
    if (!row?.councils?.length) return null;
    const n: Notice = {
      dedupeKey,
      topic: 'knock-on',
      subjectTemplate: COUNCIL_KNOCK_ON.subject,
      bodyTemplate: COUNCIL_KNOCK_ON.body,
      audience: { recipients: 'councils', councilIds: row.councils.sort() },
      notice: {
        ...notice,
        serviceNames: (row.services ?? []).join(', '),
        link: `${this.config.PUBLIC_BASE_URL}/api/v1/adoptions?attention=true`,
      },
      acknowledgeBy: null,
    };
    return this.triggered.send(n, event);
  }
}
