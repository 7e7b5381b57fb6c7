import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { canSeeProduct } from '../products/product-access.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { certificateEvent } from './certificate-events.js';
import { CERTIFICATE_TRANSITIONS } from './certificate-status.js';
import { assertTransition } from '../common/lifecycle/assert-transition.js';
import { CertificatesRepository } from './certificates.repository.js';
import { type CertificateView, toCertificateView } from './conformance-views.js';
import type { CertificateQueryDto, RevokeCertificateDto } from './dto/certificate.dto.js';

/** Reading certificates (visible when their product is) and revoking them. */
@Injectable()
export class CertificatesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly certificates: CertificatesRepository,
  ) {}

  async list(actor: Actor, q: CertificateQueryDto): Promise<Page<CertificateView>> {
    const [rows, total] = await this.certificates.list(actor, q);
    return toPage(rows.map(toCertificateView), total, q);
  }

  async get(actor: Actor, id: string): Promise<CertificateView> {
    const c = await this.certificates.findWithProduct(id);
    if (!c || !canSeeProduct(actor, c.product)) throw ProblemException.notFound('Certificate', id);
    return toCertificateView(c);
  }

  /** Revokes a valid or reassessment_due certificate; knock-on `certificate.revoked`. */
  async revoke(actor: Actor, id: string, dto: RevokeCertificateDto): Promise<CertificateView> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const c = await this.certificates.lockForChange(m, id);
      if (!c) throw ProblemException.notFound('Certificate', id);
      if (c.version !== dto.version) throw ProblemException.staleVersion('Certificate', c.version);
      assertTransition(CERTIFICATE_TRANSITIONS, c.status, 'revoked', 'the certificate', {
        permitted: (to) => to === 'revoked',
      });
      const before = toCertificateView(c);
      Object.assign(c, {
        status: 'revoked',
        revokedReason: dto.reason.trim(),
        revokedAt: new Date(),
      });
      const after = toCertificateView(await this.certificates.persist(m, c));
      const row = await this.certificates.eventRow(m, id);
      tx.publish('certificate.revoked', {
        ...certificateEvent(row),
        councilIds: row.council_ids,
        reason: dto.reason.trim(),
      });
      await this.audit.record(m, actor, {
        action: 'certificate.revoked',
        entityType: 'certificate',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }
}
