import { SqlParams } from '../common/sql/sql-params.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { canSeeProduct, visibleProductsSql } from '../products/product-access.js';
import { Product } from '../products/product.entity.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import {
  CERTIFICATE_EVENT_COLUMNS,
  type CertificateEventRow,
  certificateEvent,
} from './certificate-events.js';
import { CERTIFICATE_TRANSITIONS } from './certificate-status.js';
import { assertTransition } from '../common/lifecycle/assert-transition.js';
import { Certificate } from './certificate.entity.js';
import { type CertificateView, toCertificateView } from './conformance-views.js';
import type { CertificateQueryDto, RevokeCertificateDto } from './dto/certificate.dto.js';

/** Reading certificates (visible when their product is) and revoking them. */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, q: CertificateQueryDto): Promise<Page<CertificateView>> {
    const qb = this.db
      .getRepository(Certificate)
      .createQueryBuilder('c')
      .innerJoin(Product, 'p', 'p.id = c.product_id');
    const vis = SqlParams.named('vis');
    const scope = visibleProductsSql(actor, vis, 'p');
    if (scope) qb.andWhere(scope, vis.byName);
    if (q.productId) qb.andWhere('c.product_id = :productId', { productId: q.productId });
    if (q.serviceId) qb.andWhere('c.service_id = :serviceId', { serviceId: q.serviceId });
    if (q.supplierId) qb.andWhere('c.supplier_id = :supplierId', { supplierId: q.supplierId });
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    const [rows, total] = await qb
      .orderBy('c.expires_at', 'ASC')
      .addOrderBy('c.id')
      .skip(q.offset)
      .take(q.limit)
      .getManyAndCount();
    return toPage(rows.map(toCertificateView), total, q);
  }

  async get(actor: Actor, id: string): Promise<CertificateView> {
    const c = await this.db.getRepository(Certificate).findOne({
      where: { id },
      relations: { product: true },
    });
    if (!c || !canSeeProduct(actor, c.product)) throw ProblemException.notFound('Certificate', id);
    return toCertificateView(c);
  }

  /** Revokes a valid or reassessment_due certificate; knock-on `certificate.revoked`. */
  async revoke(actor: Actor, id: string, dto: RevokeCertificateDto): Promise<CertificateView> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const c = await m.findOne(Certificate, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
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
      const after = toCertificateView(await m.save(c));
      const [row]: CertificateEventRow[] = await m.query(
        `SELECT ${CERTIFICATE_EVENT_COLUMNS} FROM certificates c JOIN products p ON p.id = c.product_id
          WHERE c.id = $1`,
        [id],
      );
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
