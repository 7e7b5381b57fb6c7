import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CommunicationKind } from './communication.entity.js';
import type { CouncilItem, ProductItem } from './communication-supplier.entity.js';

/** One communication as sent to a supplier, with the user's read state and its acknowledgement. */
export interface InboxRow {
  id: string;
  kind: CommunicationKind;
  topic: string;
  subjectTemplate: string;
  bodyTemplate: string;
  context: Record<string, unknown>;
  mandatory: boolean;
  sentAt: Date;
  acknowledgeBy: Date | null;
  supplierId: string;
  supplierName: string;
  contactId: string | null;
  contactName: string | null;
  email: string | null;
  products: ProductItem[] | null;
  councils: CouncilItem[] | null;
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
  readAt: Date | null;
}

/**
 * The communications a supplier was sent ($1), with the signed-in user's ($2) read state
 * and the supplier's acknowledgement, in one query: the supplier's snapshot of products and
 * councils, and the first contact its email went to, are what its copy was rendered with.
 */
const inboxSql = (where: string, tail: string) => `
  SELECT c.id, c.kind, c.topic, c.subject_template AS "subjectTemplate",
         c.body_template AS "bodyTemplate", c.context, c.mandatory,
         coalesce(c.sent_at, c.send_at, c.created_at) AS "sentAt",
         c.acknowledge_by AS "acknowledgeBy", s.id AS "supplierId", s.name AS "supplierName",
         k.id AS "contactId", k.name AS "contactName", k.email,
         cs.products, cs.councils,
         a.acknowledged_by AS "acknowledgedBy", a.acknowledged_at AS "acknowledgedAt",
         r.read_at AS "readAt"
    FROM communications c
    JOIN organisations s ON s.id = $1
    LEFT JOIN communication_suppliers cs ON cs.communication_id = c.id AND cs.supplier_id = $1
    LEFT JOIN LATERAL (
      SELECT sc.id, sc.name, d.target AS email
        FROM deliveries d JOIN supplier_contacts sc ON sc.id = d.contact_id
       WHERE d.communication_id = c.id AND d.supplier_id = $1 AND d.channel = 'email'
       ORDER BY sc.name, sc.id LIMIT 1) k ON true
    LEFT JOIN acknowledgements a ON a.communication_id = c.id AND a.supplier_id = $1
    LEFT JOIN communication_reads r ON r.communication_id = c.id AND r.user_id = $2
   WHERE EXISTS (SELECT 1 FROM deliveries d WHERE d.communication_id = c.id AND d.supplier_id = $1)
     AND c.status <> 'cancelled' ${where}
   ${tail}`;

/** A supplier's inbox: what it was sent, per-user read records, known topics. */
@Injectable()
export class SupplierInboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A page, newest first, and the totals (all, unread by the user). */
  async page(
    supplierId: string | null,
    userId: string | null,
    limit: number,
    offset: number,
  ): Promise<[InboxRow[], { total: number; unread: number }]> {
    const params = [supplierId, userId];
    const [rows, [counts]] = await Promise.all([
      this.db.query<InboxRow[]>(
        inboxSql('', `ORDER BY "sentAt" DESC, c.id DESC LIMIT $3 OFFSET $4`),
        [...params, limit, offset],
      ),
      this.db.query<{ total: number; unread: number }[]>(
        `SELECT count(*)::int AS total,
                count(*) FILTER (WHERE NOT EXISTS (
                  SELECT 1 FROM communication_reads r
                   WHERE r.communication_id = c.id AND r.user_id = $2))::int AS unread
           FROM communications c
          WHERE EXISTS (SELECT 1 FROM deliveries d
                         WHERE d.communication_id = c.id AND d.supplier_id = $1)
            AND c.status <> 'cancelled'`,
        params,
      ),
    ]);
    return [rows, counts];
  }

  /** Asking for acknowledgement, not yet acknowledged: earliest date first. */
  async awaitingAcknowledgement(
    supplierId: string | null,
    userId: string | null,
    limit: number,
  ): Promise<InboxRow[]> {
    return this.db.query<InboxRow[]>(
      inboxSql(
        `AND c.acknowledge_by IS NOT NULL AND a.id IS NULL`,
        `ORDER BY c.acknowledge_by, c.id LIMIT $3`,
      ),
      [supplierId, userId, limit],
    );
  }

  async one(
    supplierId: string | null,
    userId: string | null,
    id: string,
  ): Promise<InboxRow | undefined> {
    const [row] = await this.db.query<InboxRow[]>(inboxSql('AND c.id = $3', ''), [
      supplierId,
      userId,
      id,
    ]);
    return row;
  }

  /** Topics of recent non-mandatory communications, the most recently used first. */
  async recentTopics(limit: number): Promise<string[]> {
    const rows: { topic: string }[] = await this.db.query(
      `SELECT topic FROM communications
        WHERE NOT mandatory AND status IN ('scheduled', 'sending', 'sent')
        GROUP BY topic ORDER BY max(created_at) DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.topic);
  }

  /** Recorded once (the first time), never changed after. */
  async markRead(userId: string, id: string, supplierId: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO communication_reads (user_id, communication_id, supplier_id)
       VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [userId, id, supplierId],
    );
  }
}
