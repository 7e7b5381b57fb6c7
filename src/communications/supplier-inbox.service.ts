import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, type PageQueryDto, toPage } from '../common/pagination/page-query.dto.js';
import type { CommunicationKind } from './communication.entity.js';
import { MessageRenderer } from './message-renderer.service.js';
import { type InboxRow, SupplierInboxRepository } from './supplier-inbox.repository.js';

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

/**
 * A supplier's inbox in the portal: every communication and notice sent to it, newest
 * first, read or unread per person, and those still awaiting the supplier's acknowledgement.
 * Acknowledging itself is AcknowledgementsService's (the same record the API writes).
 */
@Injectable()
export class SupplierInboxService {
  constructor(
    private readonly inbox: SupplierInboxRepository,
    private readonly renderer: MessageRenderer,
  ) {}

  async list(actor: Actor, q: PageQueryDto): Promise<Page<InboxItem> & { unread: number }> {
    const [rows, counts] = await this.inbox.page(
      actor.organisationId,
      actor.userId,
      q.limit,
      q.offset,
    );
    const page = toPage(
      rows.map((r) => this.item(r)),
      counts.total,
      q,
    );
    return { ...page, unread: counts.unread };
  }

  /** Sent to the supplier, asking for acknowledgement, not yet acknowledged: earliest date first. */
  async awaitingAcknowledgement(actor: Actor, limit = 100): Promise<InboxItem[]> {
    const rows = await this.inbox.awaitingAcknowledgement(
      actor.organisationId,
      actor.userId,
      limit,
    );
    return rows.map((r) => this.item(r));
  }

  /** One communication as sent to the supplier (404 when it was not sent to it). */
  async get(actor: Actor, id: string): Promise<InboxMessage> {
    const row = await this.inbox.one(actor.organisationId, actor.userId, id);
    if (!row) throw ProblemException.notFound('Communication', id);
    return { ...this.item(row), body: this.rendered(row).text, contactName: row.contactName };
  }

  /**
   * Topics a contact can subscribe to: those of the programme's recent non-mandatory
   * communications (mandatory notices reach every active contact whatever their topics),
   * the most recently used first, at most `limit`; returned in alphabetical order.
   */
  async knownTopics(limit = 30): Promise<string[]> {
    return (await this.inbox.recentTopics(limit)).sort();
  }

  /** The signed-in user has opened it: recorded once (the first time), never changed after. */
  async markRead(actor: Actor, id: string): Promise<void> {
    if (!actor.userId) return;
    await this.inbox.markRead(actor.userId, id, actor.organisationId);
  }

  private item(r: InboxRow): InboxItem {
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

  private rendered(r: InboxRow, withBody = true) {
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
