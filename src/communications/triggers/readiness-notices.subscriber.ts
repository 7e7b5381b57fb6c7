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

const SIGN_OFF = `\n\nAcknowledge receipt: {{ackLink}}\n\nProgramme Office`;

export const READINESS_TO_COUNCILS = {
  subject: '{{notice.leadDays}} days to {{notice.dateName}} ({{notice.date}}): not ready yet',
  body: `Dear {{contact.name}},

{{notice.dateName}} is on {{notice.date}}, {{notice.leadDays}} days from now, and your council is not yet ready for it.

See what is missing and by when: {{notice.link}}${SIGN_OFF}`,
};

export const READINESS_TO_SUPPLIERS = {
  subject:
    '{{notice.leadDays}} days to {{notice.dateName}} ({{notice.date}}): councils you serve are not ready',
  body: `Dear {{contact.name}},

{{notice.dateName}} is on {{notice.date}}, {{notice.leadDays}} days from now. {{notice.councilCount}} council(s) your products or shared services serve are not yet ready for it. Please work with them on their plans.

The readiness rule and dates: {{notice.link}}${SIGN_OFF}`,
};

/**
 * Lead-time notices (worker, at least once): each `readiness.lead_time_reached` event
 * sends one mandatory notice to the contacts of the councils it names and one to the
 * suppliers serving them, through the ordinary fan-out. The dedupe keys come from the
 * event (date, lead time, occurredAt), so a redelivered event sends nothing more; the
 * scan announces each council once per date and lead time.
 */
@Injectable()
export class ReadinessNotices {
  constructor(
    private readonly config: AppConfig,
    private readonly triggered: TriggeredCommunications,
    private readonly triggers: TriggersRepository,
  ) {}

  @OnDomainEvent('readiness.lead_time_reached')
  async leadTimeReached(
    e: DomainEventPayloads['readiness.lead_time_reached'],
    envelope: DomainEventEnvelope,
  ): Promise<void> {
    const key = `trigger:readiness.lead_time_reached:${e.criticalDateId}:${e.leadDays}:${envelope.occurredAt}`;
    const notice = {
      dateName: e.name,
      date: e.date,
      leadDays: e.leadDays,
      councilCount: e.councilIds.length,
      link: `${this.config.PUBLIC_BASE_URL}/api/v1/critical-dates/${e.criticalDateId}`,
    };
    const base = { topic: 'readiness', acknowledgeBy: null } as const;
    const toCouncils: Notice = {
      ...base,
      dedupeKey: `${key}:councils`,
      subjectTemplate: READINESS_TO_COUNCILS.subject,
      bodyTemplate: READINESS_TO_COUNCILS.body,
      audience: { recipients: 'councils', councilIds: e.councilIds },
      notice,
    };
    // The notice history (readiness_notices) names the communication that carried it.
    await this.triggered.send(toCouncils, 'readiness.lead_time_reached', (m, communicationId) =>
      this.triggers.linkReadinessNotices(
        m,
        communicationId,
        e.criticalDateId,
        e.leadDays,
        e.councilIds,
      ),
    );
    if (e.supplierIds.length === 0) return;
    await this.triggered.send(
      {
        ...base,
        dedupeKey: `${key}:suppliers`,
        subjectTemplate: READINESS_TO_SUPPLIERS.subject,
        bodyTemplate: READINESS_TO_SUPPLIERS.body,
        audience: { supplierIds: e.supplierIds },
        notice,
      },
      'readiness.lead_time_reached',
    );
  }
}
