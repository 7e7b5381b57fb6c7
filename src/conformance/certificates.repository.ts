import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { SqlParams } from '../common/sql/sql-params.js';
import { visibleProductsSql } from '../products/product-access.js';
import { Product } from '../products/product.entity.js';
import { CERTIFICATE_EVENT_COLUMNS, type CertificateEventRow } from './certificate-events.js';
import type { PublicCertificateView } from './certificate-verification.service.js';
import { Certificate } from './certificate.entity.js';
import type { CertificateQueryDto } from './dto/certificate.dto.js';

const CERTIFYING = `c.status IN ('valid', 'reassessment_due')`;

/** Certificates: read under product visibility, issued, revoked, expired and reminded. */
@Injectable()
export class CertificatesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(actor: Actor, q: CertificateQueryDto): Promise<[Certificate[], number]> {
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
    return qb
      .orderBy('c.expires_at', 'ASC')
      .addOrderBy('c.id')
      .skip(q.offset)
      .take(q.limit)
      .getManyAndCount();
  }

  findWithProduct(id: string): Promise<Certificate | null> {
    return this.db.getRepository(Certificate).findOne({
      where: { id },
      relations: { product: true },
    });
  }

  lockForChange(m: EntityManager, id: string): Promise<Certificate | null> {
    return m.findOne(Certificate, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  persist(m: EntityManager, c: Certificate): Promise<Certificate> {
    return m.save(c);
  }

  create(m: EntityManager, fields: Partial<Certificate>): Promise<Certificate> {
    return m.save(m.create(Certificate, fields));
  }

  async eventRow(m: EntityManager, id: string): Promise<CertificateEventRow> {
    const [row] = await m.query<CertificateEventRow[]>(
      `SELECT ${CERTIFICATE_EVENT_COLUMNS} FROM certificates c JOIN products p ON p.id = c.product_id
        WHERE c.id = $1`,
      [id],
    );
    return row;
  }

  /** Closes earlier certifying certificates of the product × service as `expired` at `now`. */
  async closeCertifying(
    m: EntityManager,
    productId: string,
    serviceId: string,
    now: Date,
  ): Promise<void> {
    await m.query(
      `UPDATE certificates SET status = 'expired', expires_at = least(expires_at, $3),
              version = version + 1, updated_at = now()
        WHERE product_id = $1 AND service_id = $2 AND status IN ('valid', 'reassessment_due')`,
      [productId, serviceId, now],
    );
  }

  /**
   * Expires certifying certificates past `expiresAt`, and reassessment_due ones past their
   * reassessment deadline.
   */
  async expireDue(m: EntityManager): Promise<CertificateEventRow[]> {
    const [expired] = await m.query<[CertificateEventRow[], number]>(
      `UPDATE certificates c SET status = 'expired', version = c.version + 1, updated_at = now()
         FROM products p
        WHERE p.id = c.product_id AND ${CERTIFYING}
          AND (c.expires_at <= now()
               OR (c.status = 'reassessment_due' AND c.reassessment_deadline < (now() AT TIME ZONE 'UTC')::date))
      RETURNING ${CERTIFICATE_EVENT_COLUMNS}`,
    );
    return expired;
  }

  /** Stamps both reminders on those expiring within 7 days not yet reminded at 7. */
  async remindWeek(m: EntityManager): Promise<CertificateEventRow[]> {
    const [week] = await m.query<[CertificateEventRow[], number]>(
      `UPDATE certificates c SET reminded_at7 = now(), reminded_at30 = coalesce(c.reminded_at30, now())
         FROM products p
        WHERE p.id = c.product_id AND ${CERTIFYING} AND c.reminded_at7 IS NULL
          AND c.expires_at <= now() + interval '7 days'
      RETURNING ${CERTIFICATE_EVENT_COLUMNS}`,
    );
    return week;
  }

  /** Stamps the 30-day reminder on those expiring within 30 days not yet reminded. */
  async remindMonth(m: EntityManager): Promise<CertificateEventRow[]> {
    const [month] = await m.query<[CertificateEventRow[], number]>(
      `UPDATE certificates c SET reminded_at30 = now()
         FROM products p
        WHERE p.id = c.product_id AND ${CERTIFYING} AND c.reminded_at30 IS NULL
          AND c.expires_at <= now() + interval '30 days'
      RETURNING ${CERTIFICATE_EVENT_COLUMNS}`,
    );
    return month;
  }

  /**
   * Marks every `valid` certificate of the service on an older set version than `version`
   * `reassessment_due`, with a deadline of `effectiveDate` + `deadlineDays`.
   */
  async markReassessmentDue(
    m: EntityManager,
    e: { serviceId: string; requirementSetId: string; effectiveDate: string; version: number },
    deadlineDays: number,
  ): Promise<(CertificateEventRow & { deadline: string })[]> {
    const [rows] = await m.query<[(CertificateEventRow & { deadline: string })[], number]>(
      `UPDATE certificates c
          SET status = 'reassessment_due',
              reassessment_deadline = $3::date + $4::int,
              version = c.version + 1, updated_at = now()
         FROM products p, requirement_sets rs
        WHERE p.id = c.product_id AND rs.id = c.requirement_set_id
          AND c.service_id = $1 AND c.status = 'valid'
          AND c.requirement_set_id <> $2 AND rs.version < $5
      RETURNING ${CERTIFICATE_EVENT_COLUMNS}, c.reassessment_deadline::text AS deadline`,
      [e.serviceId, e.requirementSetId, e.effectiveDate, deadlineDays, e.version],
    );
    return rows;
  }

  /** What the public verification page shows of a certificate, by its number. */
  async publicView(number: string): Promise<PublicCertificateView | null> {
    const [row] = await this.db.query<PublicCertificateView[]>(
      `SELECT c.certificate_number AS "certificateNumber",
              CASE WHEN c.status IN ('valid', 'reassessment_due') AND c.expires_at <= now()
                   THEN 'expired' ELSE c.status END AS status,
              o.name AS "supplierName", p.name AS "productName",
              p.product_version AS "productVersion", s.name AS "serviceName",
              s.code AS "serviceCode", rs.version AS "requirementSetVersion",
              rs.title AS "requirementSetTitle", c.valid_from AS "validFrom",
              c.expires_at AS "expiresAt",
              to_char(c.reassessment_deadline, 'YYYY-MM-DD') AS "reassessmentDeadline",
              c.revoked_at AS "revokedAt"
         FROM certificates c
         JOIN organisations o ON o.id = c.supplier_id
         JOIN products p ON p.id = c.product_id
         JOIN services s ON s.id = c.service_id
         JOIN requirement_sets rs ON rs.id = c.requirement_set_id
        WHERE c.certificate_number = $1`,
      [number],
    );
    return row ?? null;
  }
}
