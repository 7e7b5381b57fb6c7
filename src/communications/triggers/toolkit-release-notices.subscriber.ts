import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import type { DomainEventPayloads } from '../../queue/domain-event-registry.js';
import { OnDomainEvent } from '../../queue/on-domain-event.decorator.js';
import { TriggeredCommunications } from './triggered-communications.service.js';

/** The topic supplier contacts subscribe to for new toolkit releases. */
export const TOOLKIT_RELEASES_TOPIC = 'toolkit-releases';

export const TOOLKIT_RELEASE_PUBLISHED = {
  subject: '{{notice.toolkitName}} {{notice.version}} is published',
  body: `Dear {{contact.name}},

Release {{notice.version}} of the {{notice.toolkitName}} ({{notice.toolkitCode}}) is published, with {{notice.files}} file(s): specifications, sample payloads and test packs.

Release notes and downloads: {{notice.link}}

You receive this because you subscribed to new toolkit releases.

Programme Office`,
};

/**
 * "New release" notices (worker, at least once): each `toolkit.release_published` sends
 * one notice through the ordinary fan-out to every supplier contact subscribed to
 * `toolkit-releases` — not mandatory, so unsubscribed contacts get nothing. The dedupe
 * key is the release, so a redelivered event (or a second publish attempt) sends nothing.
 */
@Injectable()
export class ToolkitReleaseNotices {
  constructor(
    private readonly config: AppConfig,
    private readonly triggered: TriggeredCommunications,
  ) {}

  @OnDomainEvent('toolkit.release_published')
  async releasePublished(e: DomainEventPayloads['toolkit.release_published']): Promise<void> {
    await this.triggered.send(
      {
        dedupeKey: `trigger:toolkit.release_published:${e.releaseId}`,
        topic: TOOLKIT_RELEASES_TOPIC,
        mandatory: false,
        subjectTemplate: TOOLKIT_RELEASE_PUBLISHED.subject,
        bodyTemplate: TOOLKIT_RELEASE_PUBLISHED.body,
        audience: {},
        acknowledgeBy: null,
        notice: {
          toolkitName: e.name,
          toolkitCode: e.code,
          version: e.version,
          files: e.files,
          link: `${this.config.PUBLIC_BASE_URL}/supplier/toolkits/${e.toolkitId}`,
        },
      },
      'toolkit.release_published',
    );
  }
}
