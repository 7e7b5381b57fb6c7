/** One outstanding item in a supplier's weekly digest. */
export interface DigestItem {
  supplierId: string;
  kind: string;
  title: string;
  /** YYYY-MM-DD, or empty. */
  due: string;
  link: string;
}

/**
 * A kind of outstanding item: one query for every supplier at once. The digest handler
 * lists its sources: changes requested, certificates due,
 * overdue risk reviews and actions, unacknowledged communications.
 */
export interface DigestItemSource {
  items(now: Date): Promise<DigestItem[]>;
}
