import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface SupplierRow {
  id: string;
  name: string;
  onboardingStatus: string | null;
  products: number;
  /** Certificates that still certify (valid or reassessment due). */
  certificates: number;
}

export interface SupplierCommunicationRow {
  id: string;
  subjectTemplate: string;
  topic: string;
  status: string;
  sentAt: Date | null;
  acknowledgeBy: Date | null;
  deliveries: number;
  delivered: number;
  failed: number;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
}

export interface SupplierSubmissionRow {
  id: string;
  status: string;
  result: string | null;
  submittedAt: Date | null;
  product: string;
  productVersion: string;
  service: string;
}

export interface SupplierProductRow {
  id: string;
  name: string;
  productVersion: string;
  status: string;
  certificates: { number: string; status: string; service: string; expiresAt: string }[];
}

/** What the compose form offers. */
export interface AudienceOptions {
  services: { value: string; text: string }[];
  suppliers: { value: string; text: string }[];
  councilGroups: { value: string; text: string }[];
  regions: string[];
}

/**
 * Programme staff's read model of suppliers: the list with counts (one statement, paged)
 * and the parts of one supplier's page that live in other modules (communications sent to
 * it and its acknowledgements, open submissions, products with certificates), each one
 * statement. Access is the caller's: these are read by programme pages only.
 */
@Injectable()
export class SupplierOverviewRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Suppliers by name (optionally those whose name contains `search`), with counts. */
  async list(
    search: string | undefined,
    limit: number,
    offset: number,
  ): Promise<{ rows: SupplierRow[]; total: number }> {
    const like = search ? search.replace(/[\\%_]/g, (c) => `\\${c}`) : null;
    const rows = await this.db.query<(SupplierRow & { total: number })[]>(
      `SELECT o.id, o.name, o.onboarding_status AS "onboardingStatus",
              (SELECT count(*)::int FROM products p WHERE p.supplier_id = o.id) AS products,
              (SELECT count(*)::int FROM certificates c
                WHERE c.supplier_id = o.id AND c.status IN ('valid', 'reassessment_due')) AS certificates,
              count(*) OVER ()::int AS total
         FROM organisations o
        WHERE o.type = 'SUPPLIER' AND ($1::text IS NULL OR o.name ILIKE '%' || $1 || '%')
        ORDER BY o.name, o.id LIMIT $2 OFFSET $3`,
      [like, limit, offset],
    );
    let total = rows[0]?.total ?? 0;
    if (rows.length === 0 && offset > 0) {
      const [{ n }] = await this.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM organisations o
          WHERE o.type = 'SUPPLIER' AND ($1::text IS NULL OR o.name ILIKE '%' || $1 || '%')`,
        [like],
      );
      total = n;
    }
    return { rows: rows.map(({ total: _t, ...r }) => r), total };
  }

  /** The newest communications delivered to the supplier, with its acknowledgement. */
  communications(supplierId: string, limit = 20): Promise<SupplierCommunicationRow[]> {
    return this.db.query<SupplierCommunicationRow[]>(
      `SELECT c.id, c.subject_template AS "subjectTemplate", c.topic, c.status,
              c.sent_at AS "sentAt", c.acknowledge_by AS "acknowledgeBy",
              count(d.id)::int AS deliveries,
              count(d.id) FILTER (WHERE d.status = 'delivered')::int AS delivered,
              count(d.id) FILTER (WHERE d.status IN ('permanent_failure', 'technical_failure'))::int AS failed,
              a.acknowledged_at AS "acknowledgedAt", a.acknowledged_by AS "acknowledgedBy"
         FROM deliveries d
         JOIN communications c ON c.id = d.communication_id
         LEFT JOIN acknowledgements a ON a.communication_id = c.id AND a.supplier_id = d.supplier_id
        WHERE d.supplier_id = $1
        GROUP BY c.id, a.id
        ORDER BY coalesce(c.sent_at, c.created_at) DESC, c.id LIMIT $2`,
      [supplierId, limit],
    );
  }

  /** Submissions not finally decided (decided with changes requested stays open). */
  openSubmissions(supplierId: string): Promise<SupplierSubmissionRow[]> {
    return this.db.query<SupplierSubmissionRow[]>(
      `SELECT s.id, s.status, s.result, s.submitted_at AS "submittedAt", p.name AS product,
              p.product_version AS "productVersion", sv.name AS service
         FROM conformance_submissions s
         JOIN products p ON p.id = s.product_id
         JOIN services sv ON sv.id = s.service_id
        WHERE s.supplier_id = $1 AND (s.status <> 'decided' OR s.result = 'changes_requested')
        ORDER BY s.created_at DESC, s.id`,
      [supplierId],
    );
  }

  /** The supplier's products, each with its certificates (newest expiry first). */
  products(supplierId: string): Promise<SupplierProductRow[]> {
    return this.db.query<SupplierProductRow[]>(
      `SELECT p.id, p.name, p.product_version AS "productVersion", p.status,
              COALESCE(json_agg(json_build_object('number', c.certificate_number, 'status', c.status,
                                                  'service', sv.name, 'expiresAt', c.expires_at)
                                ORDER BY c.expires_at DESC) FILTER (WHERE c.id IS NOT NULL), '[]') AS certificates
         FROM products p
         LEFT JOIN certificates c ON c.product_id = p.id
         LEFT JOIN services sv ON sv.id = c.service_id
        WHERE p.supplier_id = $1
        GROUP BY p.id
        ORDER BY p.name, p.product_version, p.id`,
      [supplierId],
    );
  }

  /** What the compose form offers: services, suppliers, council groups and regions. */
  async audienceOptions(): Promise<AudienceOptions> {
    const opts = (value: string, text: string, from: string, order: string) =>
      `(SELECT COALESCE(json_agg(json_build_object('value', ${value}, 'text', ${text}) ORDER BY ${order}), '[]') ${from})`;
    const [row] = await this.db.query<AudienceOptions[]>(
      `SELECT ${opts('s.id', `s.code || ' – ' || s.name`, 'FROM services s', 's.code')} AS services,
              ${opts('o.id', 'o.name', `FROM organisations o WHERE o.type = 'SUPPLIER'`, 'o.name, o.id')} AS suppliers,
              ${opts('g.id', 'g.name', 'FROM council_groups g', 'g.name, g.id')} AS "councilGroups",
              (SELECT COALESCE(array_agg(DISTINCT o.region ORDER BY o.region), '{}') FROM organisations o
                WHERE o.type = 'COUNCIL' AND o.region IS NOT NULL) AS regions`,
    );
    return row;
  }
}
