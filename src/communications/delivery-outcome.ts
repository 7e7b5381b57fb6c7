/** What one send attempt came to; the processor turns it into a delivery status. */
export type SendOutcome =
  | { kind: 'delivered'; status?: number }
  | { kind: 'temporary'; error: string; status?: number }
  | {
      kind: 'permanent';
      error: string;
      status?: number;
      gone?: { supplierId: string; url: string };
    };
