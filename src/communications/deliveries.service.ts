import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { CommunicationsService } from './communications.service.js';
import { DeliveryRepository, type DeliveryRow } from './delivery.repository.js';
import type { DeliveryQueryDto } from './dto/communication-query.dto.js';

export type DeliveryView = DeliveryRow;

/** One webhook delivery as its supplier sees it: what was sent, how it went. */
export interface WebhookAttemptView {
  id: string;
  topic: string;
  status: string;
  attempts: number;
  /** The endpoint's HTTP status from the last failed attempt, if it answered at all. */
  httpStatus: number | null;
  lastError: string | null;
  updatedAt: Date;
}

/** A communication's deliveries, paged, filtered by status and channel (programme staff). */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly communications: CommunicationsService,
  ) {}

  async list(actor: Actor, id: string, q: DeliveryQueryDto): Promise<Page<DeliveryView>> {
    await this.communications.find(actor, id);
    const { rows, total } = await this.deliveries.pageOf(
      id,
      { status: q.status ?? null, channel: q.channel ?? null },
      q.limit,
      q.offset,
    );
    return toPage(rows, total, q);
  }

  /** The actor's organisation's most recent webhook deliveries, newest first (one statement). */
  async recentWebhook(actor: Actor, limit = 10): Promise<WebhookAttemptView[]> {
    return this.recentWebhookOf(actor.organisationId!, limit);
  }

  /** A supplier's most recent webhook deliveries (programme staff's supplier page). */
  async recentWebhookOf(supplierId: string, limit = 10): Promise<WebhookAttemptView[]> {
    const rows = await this.deliveries.recentWebhookOf(supplierId, limit);
    return rows.map((r) => {
      const code = /^HTTP (\d{3}) /.exec(r.lastError ?? '')?.[1];
      return { ...r, httpStatus: code ? Number(code) : null };
    });
  }
}
