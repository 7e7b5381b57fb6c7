import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import type { DigestItem, DigestItemSource } from './digest-item.js';
import { DigestRepository } from './digest.repository.js';

export const EXPIRING_WITHIN_DAYS = 30;

/**
 * Certificates needing the supplier's action: every certificate due for reassessment
 * (due = its reassessment deadline) and every valid one expiring within 30 days
 * (due = its expiry date).
 */
@Injectable()
export class CertificatesDueSource implements DigestItemSource {
  constructor(
    private readonly digest: DigestRepository,
    private readonly config: AppConfig,
  ) {}

  async items(now: Date): Promise<DigestItem[]> {
    const rows = await this.digest.certificatesDue(now, EXPIRING_WITHIN_DAYS);
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
