/** A conformance certificate's status (DESIGN.md, conformance). */
export const CERTIFICATE_STATUSES = ['valid', 'reassessment_due', 'expired', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** Statuses that still certify a product for a service (an adoption route may use it). */
export const CERTIFYING_STATUSES: readonly CertificateStatus[] = ['valid', 'reassessment_due'];
