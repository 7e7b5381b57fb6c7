import { SqlParams } from '../common/sql/sql-params.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, isTenantScoped, SYSTEM_ACTOR } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, type PageQueryDto, toPage } from '../common/pagination/page-query.dto.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { AckLinkSigner } from './ack-link-signer.js';
import type { AcknowledgementVia } from './communication-status.js';
import { CommunicationsService } from './communications.service.js';
import type { AcknowledgeLinkQueryDto } from './dto/acknowledge-link-query.dto.js';

export interface AcknowledgementView {
  communicationId: string;
  supplierId: string;
  via: AcknowledgementVia;
  acknowledgedBy: string;
  acknowledgedAt: Date;
}

export interface RecipientAckState {
  supplierId: string;
  supplierName: string;
  acknowledged: boolean;
  acknowledgedAt: Date | null;
  via: AcknowledgementVia | null;
  acknowledgedBy: string | null;
  overdue: boolean;
}

export interface OverdueAcknowledgement {
  communicationId: string;
  subjectTemplate: string;
  acknowledgeBy: Date;
  supplierId: string;
  supplierName: string;
  daysOverdue: number;
}

const ACK_COLUMNS = `communication_id AS "communicationId", supplier_id AS "supplierId", via,
  acknowledged_by AS "acknowledgedBy", acknowledged_at AS "acknowledgedAt"`;

/** Suppliers acknowledging communications (API or signed link), and who has not yet. */
@Injectable()
export class AcknowledgementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly communications: CommunicationsService,
    private readonly links: AckLinkSigner,
  ) {}

  /** The caller's organisation acknowledges; 409 when it already has. */
  async acknowledge(actor: Actor, id: string): Promise<AcknowledgementView> {
    await this.communications.find(actor, id);
    return this.uow.run(async (tx) => {
      const ack = await this.insert(tx.manager, id, actor.organisationId!, 'api', actor);
      if (!ack) {
        const existing = (await this.find(tx.manager, id, actor.organisationId!))!;
        throw ProblemException.conflict(
          'already_acknowledged',
          `Your organisation acknowledged this communication on ${new Date(existing.acknowledgedAt).toISOString()}`,
          { acknowledgedAt: existing.acknowledgedAt, via: existing.via },
        );
      }
      await this.audit.record(tx.manager, actor, {
        action: 'communication.acknowledged',
        entityType: 'communication',
        entityId: id,
        after: ack,
      });
      return ack;
    });
  }

  /**
   * The signed link from an email, opened: who it acknowledges for and whether that is
   * already done. Changes nothing, so mail scanners that open links do not acknowledge.
   * 404 for a bad signature or a contact the communication was not sent to.
   */
  async describeLink(
    id: string,
    q: AcknowledgeLinkQueryDto,
  ): Promise<{ supplierName: string; ack: AcknowledgementView | null }> {
    const recipient = await this.linkRecipient(id, q);
    const ack = await this.find(this.db.manager, id, q.supplier);
    return { supplierName: recipient.supplierName, ack };
  }

  /**
   * The signed link's confirmation, posted: acknowledges for the supplier, idempotent (a
   * second post changes nothing). 404 as for `describeLink`.
   */
  async acknowledgeByLink(
    id: string,
    q: AcknowledgeLinkQueryDto,
    ctx: { ip: string; requestId: string },
  ): Promise<{ ack: AcknowledgementView; first: boolean }> {
    const recipient = await this.linkRecipient(id, q);
    const actor: Actor = {
      ...SYSTEM_ACTOR,
      ...ctx,
      label: `ack-link:${recipient.email}`,
      role: 'supplier',
      organisationId: q.supplier,
      organisationType: 'SUPPLIER',
    };
    return this.uow.run(async (tx) => {
      const ack = await this.insert(tx.manager, id, q.supplier, 'link', actor);
      if (ack) {
        await this.audit.record(tx.manager, actor, {
          action: 'communication.acknowledged',
          entityType: 'communication',
          entityId: id,
          after: ack,
        });
        return { ack, first: true };
      }
      return { ack: (await this.find(tx.manager, id, q.supplier))!, first: false };
    });
  }

  /** The contact a signed link was sent to, or 404 (bad signature, never sent to them). */
  private async linkRecipient(
    id: string,
    q: AcknowledgeLinkQueryDto,
  ): Promise<{ email: string; supplierName: string }> {
    const [recipient] = await this.db.query<{ email: string; supplierName: string }[]>(
      `SELECT c.email, s.name AS "supplierName"
         FROM deliveries d
         JOIN supplier_contacts c ON c.id = d.contact_id
         JOIN organisations s ON s.id = d.supplier_id
        WHERE d.communication_id = $1 AND d.supplier_id = $2 AND d.contact_id = $3 LIMIT 1`,
      [id, q.supplier, q.contact],
    );
    if (!recipient || !this.links.verify(id, q.supplier, q.contact, q.sig)) {
      throw ProblemException.notFound('Acknowledgement link');
    }
    return recipient;
  }

  /** Every supplier the communication reached, acknowledged or not (programme staff). */
  async list(actor: Actor, id: string, q: PageQueryDto): Promise<Page<RecipientAckState>> {
    await this.communications.find(actor, id);
    const [rows, [{ total }]] = await Promise.all([
      this.db.query<RecipientAckState[]>(
        `SELECT s.id AS "supplierId", s.name AS "supplierName", a.id IS NOT NULL AS acknowledged,
                a.acknowledged_at AS "acknowledgedAt", a.via, a.acknowledged_by AS "acknowledgedBy",
                coalesce(a.id IS NULL AND c.acknowledge_by < now(), false) AS overdue
           FROM (SELECT DISTINCT supplier_id FROM deliveries WHERE communication_id = $1) r
           JOIN organisations s ON s.id = r.supplier_id
           JOIN communications c ON c.id = $1
           LEFT JOIN acknowledgements a ON a.communication_id = $1 AND a.supplier_id = r.supplier_id
          ORDER BY s.name, s.id LIMIT $2 OFFSET $3`,
        [id, q.limit, q.offset],
      ),
      this.db.query<{ total: number }[]>(
        `SELECT count(DISTINCT supplier_id)::int AS total FROM deliveries WHERE communication_id = $1`,
        [id],
      ),
    ]);
    return toPage(rows, total, q);
  }

  /** Acknowledgements past their date, oldest first; a supplier sees its own. */
  async overdue(actor: Actor, q: PageQueryDto): Promise<Page<OverdueAcknowledgement>> {
    const scoped = isTenantScoped(actor);
    const p = new SqlParams();
    const from = `FROM communications c
           JOIN LATERAL (SELECT DISTINCT d.supplier_id FROM deliveries d
                          WHERE d.communication_id = c.id ${scoped ? `AND d.supplier_id = ${p.add(actor.organisationId)}` : ''}) r
             ON true
           JOIN organisations s ON s.id = r.supplier_id
          WHERE c.acknowledge_by < now() AND c.status = 'sent'
            AND NOT EXISTS (SELECT 1 FROM acknowledgements a
                             WHERE a.communication_id = c.id AND a.supplier_id = r.supplier_id)`;
    const params = [...p.values];
    const [rows, [{ total }]] = await Promise.all([
      this.db.query<OverdueAcknowledgement[]>(
        `SELECT c.id AS "communicationId", c.subject_template AS "subjectTemplate",
                c.acknowledge_by AS "acknowledgeBy", s.id AS "supplierId", s.name AS "supplierName",
                floor(extract(epoch FROM now() - c.acknowledge_by) / 86400)::int AS "daysOverdue"
           ${from}
          ORDER BY c.acknowledge_by, s.name, s.id LIMIT ${p.add(q.limit)} OFFSET ${p.add(q.offset)}`,
        p.values,
      ),
      this.db.query<{ total: number }[]>(`SELECT count(*)::int AS total ${from}`, params),
    ]);
    return toPage(rows, total, q);
  }

  /** The supplier's acknowledgement of a communication, if it has given one. */
  private async find(
    m: EntityManager,
    communicationId: string,
    supplierId: string,
  ): Promise<AcknowledgementView | null> {
    const [ack] = await m.query<AcknowledgementView[]>(
      `SELECT ${ACK_COLUMNS} FROM acknowledgements WHERE communication_id = $1 AND supplier_id = $2`,
      [communicationId, supplierId],
    );
    return ack ?? null;
  }

  private async insert(
    m: EntityManager,
    communicationId: string,
    supplierId: string,
    via: AcknowledgementVia,
    actor: Actor,
  ): Promise<AcknowledgementView | null> {
    const [row] = await m.query<AcknowledgementView[]>(
      `INSERT INTO acknowledgements (communication_id, supplier_id, via, acknowledged_by, acknowledged_by_user_id)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT ON CONSTRAINT ux_acknowledgements_supplier DO NOTHING
       RETURNING ${ACK_COLUMNS}`,
      [communicationId, supplierId, via, actor.label, actor.userId],
    );
    return row ?? null;
  }
}
