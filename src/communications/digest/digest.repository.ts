import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface ChangesRequestedRow {
  id: string;
  supplier_id: string;
  product: string;
  service: string;
  requested: string;
}

export interface CertificateDueRow {
  id: string;
  supplier_id: string;
  status: string;
  product: string;
  service: string;
  due: string;
}

export interface OverdueRiskRow {
  kind: 'risk_review' | 'risk_action';
  supplier_id: string;
  risk_id: string;
  title: string;
  due: string;
}

export interface BenefitStatusRow {
  supplier_id: string;
  benefit_id: string;
  title: string;
  due: string;
}

export interface OverdueMeetingActionRow {
  supplier_id: string;
  meeting_id: string;
  title: string;
  due: string;
}

export interface OverdueCheckInRow {
  supplier_id: string;
  id: string;
  due: string;
}

export interface UnacknowledgedRow {
  communication_id: string;
  supplier_id: string;
  contact_id: string;
  subject: string;
  acknowledge_by: Date;
}

/**
 * The weekly digest's reads, one statement per kind of outstanding item for every supplier
 * at once (the join is the digest's concern), and the digest communications themselves.
 */
@Injectable()
export class DigestRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async changesRequested(): Promise<ChangesRequestedRow[]> {
    return this.db.query(
      `SELECT cs.id, cs.supplier_id, p.name || ' ' || p.product_version AS product,
              sv.name AS service, to_char(cs.decided_at, 'YYYY-MM-DD') AS requested
         FROM conformance_submissions cs
         JOIN products p ON p.id = cs.product_id
         JOIN services sv ON sv.id = cs.service_id
        WHERE cs.status = 'decided' AND cs.result = 'changes_requested'
        ORDER BY cs.decided_at, cs.id`,
    );
  }

  async certificatesDue(now: Date, withinDays: number): Promise<CertificateDueRow[]> {
    return this.db.query(
      `SELECT ce.id, ce.supplier_id, ce.status, p.name || ' ' || p.product_version AS product,
              sv.name AS service,
              to_char(CASE WHEN ce.status = 'reassessment_due'
                           THEN COALESCE(ce.reassessment_deadline, ce.expires_at::date)
                           ELSE ce.expires_at::date END, 'YYYY-MM-DD') AS due
         FROM certificates ce
         JOIN products p ON p.id = ce.product_id
         JOIN services sv ON sv.id = ce.service_id
        WHERE ce.status = 'reassessment_due'
           OR (ce.status = 'valid'
               AND ce.expires_at < $1::timestamptz + make_interval(days => $2))
        ORDER BY due, ce.id`,
      [now, withinDays],
    );
  }

  async overdueRisks(
    now: Date,
    open: readonly string[],
    pending: readonly string[],
  ): Promise<OverdueRiskRow[]> {
    return this.db.query(
      `SELECT 'risk_review' AS kind, r.owner_organisation_id AS supplier_id, r.id AS risk_id,
              'Review overdue: ' || r.reference || ' ' || r.title AS title,
              to_char(r.next_review_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS due
         FROM risks r JOIN organisations s ON s.id = r.owner_organisation_id AND s.type = 'SUPPLIER'
        WHERE r.status = ANY($2) AND r.next_review_at < $1
       UNION ALL
       SELECT 'risk_action', s.id, r.id,
              'Action overdue: ' || a.title || ' (' || r.reference || ')',
              a.due_date::text
         FROM mitigation_actions a
         JOIN risks r ON r.id = a.risk_id AND r.status = ANY($2)
         LEFT JOIN users u ON u.id = a.owner_user_id
         JOIN organisations s ON s.type = 'SUPPLIER'
                             AND s.id = COALESCE(u.organisation_id, r.owner_organisation_id)
        WHERE a.status = ANY($3) AND a.due_date < ($1::timestamptz AT TIME ZONE 'UTC')::date
        ORDER BY due, title`,
      [now, open, pending],
    );
  }

  async benefitStatusChanges(from: Date, to: Date): Promise<BenefitStatusRow[]> {
    return this.db.query(
      `SELECT DISTINCT ON (b.id) b.owner_organisation_id AS supplier_id, b.id AS benefit_id,
                'Benefit status: ' || b.title || ' moved from ' || replace(c.from_status, '_', ' ')
                  || ' to ' || replace(c.to_status, '_', ' ') AS title,
                to_char(c.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS due
           FROM benefit_status_changes c
           JOIN benefits b ON b.id = c.benefit_id
           JOIN organisations s ON s.id = b.owner_organisation_id AND s.type = 'SUPPLIER'
          WHERE c.changed_at > $1 AND c.changed_at <= $2
          ORDER BY b.id, c.changed_at DESC`,
      [from, to],
    );
  }

  async overdueMeetingActions(now: Date): Promise<OverdueMeetingActionRow[]> {
    return this.db.query(
      `SELECT gm.organisation_id AS supplier_id, mt.id AS meeting_id,
                'Overdue action from ' || mt.title || ': ' || a.title || ' (' || a.owner || ')' AS title,
                a.due_date::text AS due
           FROM meeting_actions a
           JOIN meetings mt ON mt.id = a.meeting_id
           JOIN governance_group_members gm ON gm.group_id = mt.group_id
           JOIN organisations o ON o.id = gm.organisation_id AND o.type = 'SUPPLIER'
          WHERE a.status = 'open' AND a.due_date < ($1::timestamptz AT TIME ZONE 'UTC')::date
          ORDER BY gm.organisation_id, a.due_date, a.id`,
      [now],
    );
  }

  async overdueCheckIns(now: Date): Promise<OverdueCheckInRow[]> {
    return this.db.query(
      `SELECT ci.organisation_id AS supplier_id, ci.id, ci.due_on::text AS due
         FROM check_ins ci
         JOIN organisations o ON o.id = ci.organisation_id AND o.type = 'SUPPLIER'
        WHERE ci.partner_answered_at IS NULL
          AND ci.due_on < ($1::timestamptz AT TIME ZONE 'UTC')::date
        ORDER BY ci.organisation_id, ci.due_on, ci.id`,
      [now],
    );
  }

  async unacknowledged(now: Date, nearDays: number): Promise<UnacknowledgedRow[]> {
    return this.db.query(
      `SELECT c.id AS communication_id, r.supplier_id, r.contact_id,
              c.subject_template AS subject, c.acknowledge_by
         FROM communications c
         JOIN LATERAL (SELECT DISTINCT ON (d.supplier_id) d.supplier_id, d.contact_id
                         FROM deliveries d
                        WHERE d.communication_id = c.id AND d.contact_id IS NOT NULL
                        ORDER BY d.supplier_id, d.contact_id) r ON true
        WHERE c.status = 'sent' AND c.kind <> 'digest'
          AND c.acknowledge_by < $1::timestamptz + make_interval(days => $2)
          AND NOT EXISTS (SELECT 1 FROM acknowledgements a
                           WHERE a.communication_id = c.id AND a.supplier_id = r.supplier_id)
        ORDER BY c.acknowledge_by, c.id`,
      [now, nearDays],
    );
  }

  /**
   * One mandatory email digest per supplier (sending now) with its items as the context;
   * the dedupe key per supplier and day makes a rerun create nothing. The ids created.
   */
  async createDigests(
    m: EntityManager,
    subject: string,
    body: string,
    day: string,
    suppliers: string[],
    contexts: string[],
  ): Promise<string[]> {
    const created: { id: string }[] = await m.query(
      `INSERT INTO communications (kind, subject_template, body_template, topic, mandatory,
                                   audience, channels, status, send_at, context, dedupe_key, created_by)
       SELECT 'digest', $1, $2, 'digest', true, jsonb_build_object('supplierIds', jsonb_build_array(t.supplier)),
              '{email}', 'sending', now(), t.context, 'digest:' || t.supplier || ':' || $3, 'system'
         FROM unnest($4::uuid[], $5::jsonb[]) AS t(supplier, context)
       ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [subject, body, day, suppliers, contexts],
    );
    return created.map((c) => c.id);
  }
}
