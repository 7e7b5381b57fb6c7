import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { SqlParams } from '../common/sql/sql-params.js';
import type { AcknowledgementVia } from './communication-status.js';

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

/** Suppliers' acknowledgements of communications, and who has not acknowledged yet. */
@Injectable()
export class AcknowledgementsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The contact a delivery of the communication went to, with the supplier's name. */
  async recipient(
    id: string,
    supplierId: string,
    contactId: string,
  ): Promise<{ email: string; supplierName: string } | undefined> {
    const [recipient] = await this.db.query<{ email: string; supplierName: string }[]>(
      `SELECT c.email, s.name AS "supplierName"
         FROM deliveries d
         JOIN supplier_contacts c ON c.id = d.contact_id
         JOIN organisations s ON s.id = d.supplier_id
        WHERE d.communication_id = $1 AND d.supplier_id = $2 AND d.contact_id = $3 LIMIT 1`,
      [id, supplierId, contactId],
    );
    return recipient;
  }

  /** A page of the suppliers the communication reached, by name, and how many there are. */
  async recipients(
    id: string,
    limit: number,
    offset: number,
  ): Promise<[RecipientAckState[], number]> {
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
        [id, limit, offset],
      ),
      this.db.query<{ total: number }[]>(
        `SELECT count(DISTINCT supplier_id)::int AS total FROM deliveries WHERE communication_id = $1`,
        [id],
      ),
    ]);
    return [rows, total];
  }

  /** A page of acknowledgements past their date, oldest first (one supplier's if given). */
  async overdue(
    supplierId: string | null | undefined,
    limit: number,
    offset: number,
  ): Promise<[OverdueAcknowledgement[], number]> {
    const scoped = supplierId !== undefined;
    const p = new SqlParams();
    const from = `FROM communications c
           JOIN LATERAL (SELECT DISTINCT d.supplier_id FROM deliveries d
                          WHERE d.communication_id = c.id ${scoped ? `AND d.supplier_id = ${p.add(supplierId)}` : ''}) r
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
          ORDER BY c.acknowledge_by, s.name, s.id LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`,
        p.values,
      ),
      this.db.query<{ total: number }[]>(`SELECT count(*)::int AS total ${from}`, params),
    ]);
    return [rows, total];
  }

  /** The supplier's acknowledgement of a communication, if it has given one. */
  async find(
    communicationId: string,
    supplierId: string,
    m: EntityManager = this.db.manager,
  ): Promise<AcknowledgementView | null> {
    const [ack] = await m.query<AcknowledgementView[]>(
      `SELECT ${ACK_COLUMNS} FROM acknowledgements WHERE communication_id = $1 AND supplier_id = $2`,
      [communicationId, supplierId],
    );
    return ack ?? null;
  }

  /** Records the acknowledgement unless the supplier has given one; null when it has. */
  async add(
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
