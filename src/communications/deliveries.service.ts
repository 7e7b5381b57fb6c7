import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { CommunicationsService } from './communications.service.js';
import type { DeliveryQueryDto } from './dto/communication-query.dto.js';

export interface DeliveryView {
  id: string;
  supplierId: string;
  supplierName: string;
  /** Null for a webhook: it goes to the organisation's endpoint. */
  contactId: string | null;
  contactName: string | null;
  channel: string;
  target: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
  deliveredAt: Date | null;
}

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
    @InjectDataSource() private readonly db: DataSource,
    private readonly communications: CommunicationsService,
  ) {}

  async list(actor: Actor, id: string, q: DeliveryQueryDto): Promise<Page<DeliveryView>> {
    await this.communications.find(actor, id);
    const where = `d.communication_id = $1 AND ($2::text IS NULL OR d.status = $2)
                   AND ($3::text IS NULL OR d.channel = $3)`;
    const params = [id, q.status ?? null, q.channel ?? null];
    const [rows, [{ total }]] = await Promise.all([
      this.db.query<DeliveryView[]>(
        `SELECT d.id, d.supplier_id AS "supplierId", s.name AS "supplierName",
                d.contact_id AS "contactId", c.name AS "contactName", d.channel, d.target,
                d.status, d.attempts, d.last_error AS "lastError", d.created_at AS "createdAt",
                d.updated_at AS "updatedAt", d.delivered_at AS "deliveredAt"
           FROM deliveries d
           JOIN organisations s ON s.id = d.supplier_id
           LEFT JOIN supplier_contacts c ON c.id = d.contact_id
          WHERE ${where}
          ORDER BY s.name, c.name NULLS FIRST, d.channel, d.id LIMIT $4 OFFSET $5`,
        [...params, q.limit, q.offset],
      ),
      this.db.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM deliveries d WHERE ${where}`,
        params,
      ),
    ]);
    return toPage(rows, total, q);
  }

  /** The actor's organisation's most recent webhook deliveries, newest first (one statement). */
  async recentWebhook(actor: Actor, limit = 10): Promise<WebhookAttemptView[]> {
    return this.recentWebhookOf(actor.organisationId!, limit);
  }

  /** A supplier's most recent webhook deliveries (programme staff's supplier page). */
  async recentWebhookOf(supplierId: string, limit = 10): Promise<WebhookAttemptView[]> {
    const rows: (Omit<WebhookAttemptView, 'httpStatus'> & { lastError: string | null })[] =
      await this.db.query(
        `SELECT d.id, c.topic, d.status, d.attempts, d.last_error AS "lastError",
                d.updated_at AS "updatedAt"
           FROM deliveries d
           JOIN communications c ON c.id = d.communication_id
          WHERE d.supplier_id = $1 AND d.channel = 'webhook'
          ORDER BY d.updated_at DESC, d.id LIMIT $2`,
        [supplierId, limit],
      );
    return rows.map((r) => {
      const code = /^HTTP (\d{3}) /.exec(r.lastError ?? '')?.[1];
      return { ...r, httpStatus: code ? Number(code) : null };
    });
  }
}
