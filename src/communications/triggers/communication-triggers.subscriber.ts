import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import type {
  DomainEventEnvelope,
  DomainEventPayloads,
} from '../../queue/domain-event-registry.js';
import { OnDomainEvent } from '../../queue/on-domain-event.decorator.js';
import { notices, type ServiceRef } from './trigger-notices.js';
import { TriggeredCommunications } from './triggered-communications.service.js';
import { TriggersRepository } from './triggers.repository.js';

type Payload<T extends keyof DomainEventPayloads> = DomainEventPayloads[T];

/**
 * Triggered communications (worker, at least once): a published requirement set → the
 * suppliers with products for that service; a certificate due for reassessment or
 * expiring (30 and 7 days) → that supplier; a decided submission → that supplier.
 * Idempotent through each notice's dedupe key.
 */
@Injectable()
export class CommunicationTriggers {
  constructor(
    private readonly triggers: TriggersRepository,
    private readonly config: AppConfig,
    private readonly triggered: TriggeredCommunications,
  ) {}

  @OnDomainEvent('requirement_set.published')
  async onRequirementsPublished(e: Payload<'requirement_set.published'>) {
    const n = notices.requirementsPublished(e, await this.service(e.serviceId), this.baseUrl());
    return this.triggered.send(n, 'requirement_set.published');
  }

  @OnDomainEvent('certificate.reassessment_due')
  async onReassessmentDue(e: Payload<'certificate.reassessment_due'>) {
    const n = notices.reassessmentDue(e, await this.service(e.serviceId), this.baseUrl());
    return this.triggered.send(n, 'certificate.reassessment_due');
  }

  @OnDomainEvent('certificate.expiring')
  async onCertificateExpiring(e: Payload<'certificate.expiring'>) {
    const n = notices.certificateExpiring(e, await this.service(e.serviceId), this.baseUrl());
    return this.triggered.send(n, 'certificate.expiring');
  }

  @OnDomainEvent('submission.decided')
  async onSubmissionDecided(e: Payload<'submission.decided'>, envelope: DomainEventEnvelope) {
    const service = await this.service(e.serviceId);
    const n = notices.submissionDecided(e, envelope.occurredAt, service, this.baseUrl());
    return this.triggered.send(n, 'submission.decided');
  }

  private async service(id: string): Promise<ServiceRef> {
    return (await this.triggers.service(id)) ?? { code: '?', name: 'an unknown service' };
  }

  private baseUrl(): string {
    return this.config.PUBLIC_BASE_URL;
  }
}
