import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, type PageQueryDto, toPage } from '../common/pagination/page-query.dto.js';
import type { CommunicationKind } from './communication.entity.js';
import type { CouncilItem, ProductItem } from './communication-supplier.entity.js';
import { MessageRenderer } from './message-renderer.service.js';

/** One communication in a supplier's inbox, its subject rendered as sent to the supplier. */
export interface InboxItem {
  id: string;
  kind: CommunicationKind;
  topic: string;
  subject: string;
  mandatory: boolean;
  sentAt: Date;
  acknowledgeBy: Date | null;
  /** Acknowledgement is asked for (the communication has an acknowledge-by date). */
  acknowledgementRequired: boolean;
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
  /** When the signed-in user opened it in the portal (null: unread). */
  readAt: Date | null;
}

/** A communication as sent to the supplier: the item and its rendered body. */
export interface InboxMessage extends InboxItem {
  body: string;
  /** The contact whose copy this is (the first the supplier's email went to), if any. */
  contactName: string | null;
}

interface Row {
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

/**
 * A supplier's inbox in the portal: every communication and notice sent to it, newest
 * first, read or unread per person, and those still awaiting the supplier's acknowledgement.
 * Acknowledging itself is AcknowledgementsService's (the same record the API writes).
 */
@Injectable()
export class SupplierInboxService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly renderer: MessageRenderer,
  ) {}

  async list(actor: Actor, q: PageQueryDto): Promise<Page<InboxItem> & { unread: number }> {
    const params = [actor.organisationId, actor.userId];
    const [rows, [counts]] = await Promise.all([
      this.db.query<Row[]>(inboxSql('', `ORDER BY "sentAt" DESC, c.id DESC LIMIT $3 OFFSET $4`), [
        ...params,
        q.limit,
        q.offset,
      ]),
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
    const page = toPage(
      rows.map((r) => this.item(r)),
      counts.total,
      q,
    );
    return { ...page, unread: counts.unread };
  }

  /** Sent to the supplier, asking for acknowledgement, not yet acknowledged: earliest date first. */
  async awaitingAcknowledgement(actor: Actor, limit = 100): Promise<InboxItem[]> {
    const rows = await this.db.query<Row[]>(
      inboxSql(
        `AND c.acknowledge_by IS NOT NULL AND a.id IS NULL`,
        `ORDER BY c.acknowledge_by, c.id LIMIT $3`,
      ),
      [actor.organisationId, actor.userId, limit],
    );
    return rows.map((r) => this.item(r));
  }

  /** One communication as sent to the supplier (404 when it was not sent to it). */
  async get(actor: Actor, id: string): Promise<InboxMessage> {
    const [row] = await this.db.query<Row[]>(inboxSql('AND c.id = $3', ''), [
      actor.organisationId,
      actor.userId,
      id,
    ]);
    if (!row) throw ProblemException.notFound('Communication', id);
    return { ...this.item(row), body: this.rendered(row).text, contactName: row.contactName };
  }

  /**
   * Topics a contact can subscribe to: those of the programme's recent non-mandatory
   * communications (mandatory notices reach every active contact whatever their topics),
   * the most recently used first, at most `limit`; returned in alphabetical order.
   */
  async knownTopics(limit = 30): Promise<string[]> {
    const rows: { topic: string }[] = await this.db.query(
      `SELECT topic FROM communications
        WHERE NOT mandatory AND status IN ('scheduled', 'sending', 'sent')
        GROUP BY topic ORDER BY max(created_at) DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.topic).sort();
  }

  /** The signed-in user has opened it: recorded once (the first time), never changed after. */
  async markRead(actor: Actor, id: string): Promise<void> {
    if (!actor.userId) return;
    await this.db.query(
      `INSERT INTO communication_reads (user_id, communication_id, supplier_id)
       VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [actor.userId, id, actor.organisationId],
    );
  }

  private item(r: Row): InboxItem {
    return {
      id: r.id,
      kind: r.kind,
      topic: r.topic,
      subject: this.rendered(r, false).subject,
      mandatory: r.mandatory,
      sentAt: r.sentAt,
      acknowledgeBy: r.acknowledgeBy,
      acknowledgementRequired: r.acknowledgeBy !== null,
      acknowledgedBy: r.acknowledgedBy,
      acknowledgedAt: r.acknowledgedAt,
      readAt: r.readAt,
    };
  }

  private rendered(r: Row, withBody = true) {
    return this.renderer.render(
      {
        id: r.id,
        subjectTemplate: r.subjectTemplate,
        bodyTemplate: withBody ? r.bodyTemplate : '',
        topic: r.topic,
        acknowledgeBy: r.acknowledgeBy,
        context: r.context ?? {},
      },
      {
        supplierId: r.supplierId,
        supplierName: r.supplierName,
        contactId: r.contactId,
        contactName: r.contactName ?? r.supplierName,
        email: r.email ?? '',
        products: r.products ?? [],
        councils: r.councils ?? [],
      },
      { html: false },
    );
  }
}
