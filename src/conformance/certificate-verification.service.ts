import { Injectable } from '@nestjs/common';
import type { CertificateStatus } from './certificate-status.js';
import { CertificatesRepository } from './certificates.repository.js';

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
  constructor(private readonly certificates: CertificatesRepository) {}

  byNumber(number: string): Promise<PublicCertificateView | null> {
    return this.certificates.publicView(number);
  }
}
