import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AudienceResolver } from './audience-resolver.service.js';
import type { Communication } from './communication.entity.js';
import type { Channel } from './communication-status.js';

/** A delivery to (re-)enqueue. */
export interface DeliveryRef {
  id: string;
  channel: Channel;
}

/** One row of a communication's deliveries list. */
export interface DeliveryRow {
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

/** One of a supplier's recent webhook deliveries. */
export interface WebhookDeliveryRow {
  id: string;
  topic: string;
  status: string;
  attempts: number;
  lastError: string | null;
  updatedAt: Date;
}

/**
 * The `deliveries` table outside the send path (which is `DeliveryLedgerRepository`'s):
 * the fan-out's writes, the keyset pages it enqueues from, the reconciler's statements
 * and the lists staff and suppliers read.
 */
@Injectable()
export class DeliveryRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The communication, row-locked for its fan-out. */
  /**
   * One email delivery per audience contact and one webhook delivery per organisation
   * endpoint (the unique keys make a rerun a no-op); the number inserted.
   */
  async insertForAudience(
    manager: EntityManager,
    c: Communication,
    audience: AudienceResolver,
  ): Promise<number> {
    const { sql, params } = audience.query(c, 3);
    const [{ inserted }] = await manager.query<{ inserted: number }[]>(
      `WITH a AS (${sql}),
       emails AS (
         INSERT INTO deliveries (communication_id, supplier_id, contact_id, channel, target)
         SELECT $1, a.supplier_id, a.contact_id, 'email', a.email
           FROM a WHERE 'email' = ANY($2::text[])
         ON CONFLICT ON CONSTRAINT ux_deliveries_recipient DO NOTHING RETURNING 1),
       hooks AS (
         INSERT INTO deliveries (communication_id, supplier_id, contact_id, channel, target)
         SELECT DISTINCT ON (a.supplier_id) $1::uuid, a.supplier_id, NULL::uuid, 'webhook',
                a.webhook_url
           FROM a WHERE 'webhook' = ANY($2::text[]) AND a.webhook_url IS NOT NULL
          ORDER BY a.supplier_id
         ON CONFLICT (communication_id, supplier_id)
            WHERE channel = 'webhook' AND contact_id IS NULL DO NOTHING RETURNING 1)
       SELECT ((SELECT count(*) FROM emails) + (SELECT count(*) FROM hooks))::int AS inserted`,
      [c.id, c.channels, ...params],
    );
    return inserted;
  }

  /** Snapshots the template lists of every supplier the communication has deliveries for. */
  async snapshotSupplierLists(
    manager: EntityManager,
    c: Communication,
    audience: AudienceResolver,
  ): Promise<void> {
    const { sql, params } = audience.context(
      c.audience,
      `s.id IN (SELECT d.supplier_id FROM deliveries d WHERE d.communication_id = $1)`,
      2,
    );
    await manager.query(
      `INSERT INTO communication_suppliers (communication_id, supplier_id, products, councils)
       SELECT $1, x.supplier_id, x.products, x.councils FROM (${sql}) x
       ON CONFLICT DO NOTHING`,
      [c.id, ...params],
    );
  }

  /** A keyset page of the communication's deliveries still `created`, in id order. */
  createdPage(communicationId: string, after: string, limit: number): Promise<DeliveryRef[]> {
    return this.db.query<DeliveryRef[]>(
      `SELECT id, channel FROM deliveries
        WHERE communication_id = $1 AND status = 'created' AND id > $2
        ORDER BY id LIMIT $3`,
      [communicationId, after, limit],
    );
  }

  /**
   * Moves `sending` deliveries whose lease was not renewed (their worker is gone) back to
   * temporary_failure — not within one lease of a PostgreSQL restart, when nobody could
   * renew; rows from before leases fall back to `staleSeconds` — and returns them.
   */
  async takeOverStalled(
    staleSeconds: number,
    limit: number,
    leaseSeconds: number,
  ): Promise<DeliveryRef[]> {
    const [rows] = await this.db.query<[DeliveryRef[], number]>(
      `UPDATE deliveries SET status = 'temporary_failure', updated_at = now(), lease_until = NULL,
              last_error = 'worker stopped while sending; sent again (at-least-once)'
        WHERE id IN (SELECT id FROM deliveries
                      WHERE status = 'sending'
                        AND COALESCE(lease_until, updated_at + make_interval(secs => $1)) < now()
                        AND pg_postmaster_start_time() < now() - make_interval(secs => $3)
                      ORDER BY updated_at LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING id, channel`,
      [staleSeconds, limit, leaseSeconds],
    );
    return rows;
  }

  /** created / temporary_failure deliveries untouched for `staleSeconds`, oldest first. */
  waiting(staleSeconds: number, limit: number): Promise<DeliveryRef[]> {
    return this.db.query<DeliveryRef[]>(
      `SELECT id, channel FROM deliveries
        WHERE status IN ('created', 'temporary_failure')
          AND updated_at < now() - make_interval(secs => $1)
        ORDER BY updated_at LIMIT $2`,
      [staleSeconds, limit],
    );
  }

  /** A page of a communication's deliveries, by status and channel when given, and the total. */
  async pageOf(
    communicationId: string,
    filter: { status: string | null; channel: string | null },
    limit: number,
    offset: number,
  ): Promise<{ rows: DeliveryRow[]; total: number }> {
    const where = `d.communication_id = $1 AND ($2::text IS NULL OR d.status = $2)
                   AND ($3::text IS NULL OR d.channel = $3)`;
    const params = [communicationId, filter.status, filter.channel];
    const [rows, [{ total }]] = await Promise.all([
      this.db.query<DeliveryRow[]>(
        `SELECT d.id, d.supplier_id AS "supplierId", s.name AS "supplierName",
                d.contact_id AS "contactId", c.name AS "contactName", d.channel, d.target,
                d.status, d.attempts, d.last_error AS "lastError", d.created_at AS "createdAt",
                d.updated_at AS "updatedAt", d.delivered_at AS "deliveredAt"
           FROM deliveries d
           JOIN organisations s ON s.id = d.supplier_id
           LEFT JOIN supplier_contacts c ON c.id = d.contact_id
          WHERE ${where}
          ORDER BY s.name, c.name NULLS FIRST, d.channel, d.id LIMIT $4 OFFSET $5`,
        [...params, limit, offset],
      ),
      this.db.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM deliveries d WHERE ${where}`,
        params,
      ),
    ]);
    return { rows, total };
  }

  /** A supplier's most recent webhook deliveries, newest first. */
  recentWebhookOf(supplierId: string, limit: number): Promise<WebhookDeliveryRow[]> {
    return this.db.query<WebhookDeliveryRow[]>(
      `SELECT d.id, c.topic, d.status, d.attempts, d.last_error AS "lastError",
              d.updated_at AS "updatedAt"
         FROM deliveries d
         JOIN communications c ON c.id = d.communication_id
        WHERE d.supplier_id = $1 AND d.channel = 'webhook'
        ORDER BY d.updated_at DESC, d.id LIMIT $2`,
      [supplierId, limit],
    );
  }
}
