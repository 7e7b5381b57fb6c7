/** What one send attempt came to; the processor turns it into a delivery status. */
export type SendOutcome =
  | { kind: 'delivered' }
  | { kind: 'temporary'; error: string }
  | { kind: 'permanent'; error: string; gone?: { supplierId: string; url: string } };
