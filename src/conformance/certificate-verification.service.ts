import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CertificateStatus } from './certificate-status.js';

/** A certificate number as printed: "CD-", 8 and 4 hex digits (see Certificate). */
export const CERTIFICATE_NUMBER = /^CD-[0-9A-F]{8}-[0-9A-F]{4}$/;

/** A typed-in number tidied (spaces dropped, upper case); null when it cannot be one. */
export function normaliseCertificateNumber(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 40) return null;
  const tidy = raw.replace(/\s+/g, '').toUpperCase();
  return CERTIFICATE_NUMBER.test(tidy) ? tidy : null;
}

/**
 * What anyone may see of a certificate without signing in, and nothing more: who holds
 * it, for which product, service and requirement-set version, its dates and its status.
 * No ids, submission, reviewer, override or revocation reason (docs/architecture.md,
 * "Public certificate verification"). Used only by the public verification page.
 */
export interface PublicCertificateView {
  certificateNumber: string;
  status: CertificateStatus;
  supplierName: string;
  productName: string;
  productVersion: string;
  serviceName: string;
  serviceCode: string;
  requirementSetVersion: number;
  requirementSetTitle: string;
  validFrom: Date;
  expiresAt: Date;
  reassessmentDeadline: string | null;
  revokedAt: Date | null;
}

/** Looks a certificate up by its number for the public verification page (one statement). */
@Injectable()
export class CertificateVerificationService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async byNumber(number: string): Promise<PublicCertificateView | null> {
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
