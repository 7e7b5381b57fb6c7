import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import type { Certificate } from './certificate.entity.js';
import { CertificatesRepository } from './certificates.repository.js';
import type { ConformanceSubmission } from './conformance-submission.entity.js';

/**
 * Issues the certificate of an approved submission, inside the decision's transaction:
 * valid from now for CERTIFICATE_VALIDITY_MONTHS. Earlier certifying certificates of the
 * same product × service are closed as `expired` at once (replaced, so the product is
 * still certified: no knock-on event).
 */
@Injectable()
export class CertificateIssuer {
  constructor(
    private readonly config: AppConfig,
    private readonly certificates: CertificatesRepository,
  ) {}

  async issue(m: EntityManager, s: ConformanceSubmission, now: Date): Promise<Certificate> {
    await this.certificates.closeCertifying(m, s.productId, s.serviceId, now);
    const expiresAt = new Date(now);
    expiresAt.setUTCMonth(expiresAt.getUTCMonth() + this.config.CERTIFICATE_VALIDITY_MONTHS);
    return this.certificates.create(m, {
      productId: s.productId,
      supplierId: s.supplierId,
      serviceId: s.serviceId,
      requirementSetId: s.requirementSetId,
      submissionId: s.id,
      status: 'valid',
      validFrom: now,
      expiresAt,
    });
  }
}
