/** A conformance certificate's status (DESIGN.md, conformance). */
export const CERTIFICATE_STATUSES = ['valid', 'reassessment_due', 'expired', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** Statuses that still certify a product for a service (an adoption route may use it). */
export const CERTIFYING_STATUSES: readonly CertificateStatus[] = ['valid', 'reassessment_due'];

/**
 * A certificate's lifecycle: reassessment falls due when its requirements change, it
 * expires at its end date, and the programme revokes a certifying one. A new approval
 * issues a new certificate rather than reviving an old one.
 */
export const CERTIFICATE_TRANSITIONS: Readonly<
  Record<CertificateStatus, readonly CertificateStatus[]>
> = {
  valid: ['reassessment_due', 'expired', 'revoked'],
  reassessment_due: ['expired', 'revoked'],
  expired: [],
  revoked: [],
};
