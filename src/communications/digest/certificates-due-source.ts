import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import type { DigestItem, DigestItemSource } from './digest-item.js';

export const EXPIRING_WITHIN_DAYS = 30;

/**
 * Certificates needing the supplier's action: every certificate due for reassessment
 * (due = its reassessment deadline) and every valid one expiring within 30 days
 * (due = its expiry date).
 */
@Injectable()
export class CertificatesDueSource implements DigestItemSource {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async items(now: Date): Promise<DigestItem[]> {
    const rows: {
      id: string;
      supplier_id: string;
      status: string;
      product: string;
      service: string;
      due: string;
    }[] = await this.db.query(
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
      [now, EXPIRING_WITHIN_DAYS],
    );
    return rows.map((r) => ({
      supplierId: r.supplier_id,
      kind: r.status === 'reassessment_due' ? 'certificate_reassessment' : 'certificate_expiry',
      title:
        r.status === 'reassessment_due'
          ? `Reassessment due: ${r.product} for ${r.service}`
          : `Certificate expiring: ${r.product} for ${r.service}`,
      due: r.due,
      link: `${this.config.PUBLIC_BASE_URL}/api/v1/certificates/${r.id}`,
    }));
  }
}
