import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { Certificate } from './certificate.entity.js';
import type { ConformanceSubmission } from './conformance-submission.entity.js';

/**
 * Issues the certificate of an approved submission, inside the decision's transaction:
 * valid from now for CERTIFICATE_VALIDITY_MONTHS. Earlier certifying certificates of the
 * same product × service are closed as `expired` at once (replaced, so the product is
 * still certified: no knock-on event).
 */
@Injectable()
export class CertificateIssuer {
  constructor(private readonly config: AppConfig) {}

  async issue(m: EntityManager, s: ConformanceSubmission, now: Date): Promise<Certificate> {
    await m.query(
      `UPDATE certificates SET status = 'expired', expires_at = least(expires_at, $3),
              version = version + 1, updated_at = now()
        WHERE product_id = $1 AND service_id = $2 AND status IN ('valid', 'reassessment_due')`,
      [s.productId, s.serviceId, now],
    );
    const expiresAt = new Date(now);
    expiresAt.setUTCMonth(expiresAt.getUTCMonth() + this.config.CERTIFICATE_VALIDITY_MONTHS);
    return m.save(
      m.create(Certificate, {
        productId: s.productId,
        supplierId: s.supplierId,
        serviceId: s.serviceId,
        requirementSetId: s.requirementSetId,
        submissionId: s.id,
        status: 'valid',
        validFrom: now,
        expiresAt,
      }),
    );
  }
}
