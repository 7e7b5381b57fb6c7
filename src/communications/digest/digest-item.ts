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
 * A kind of outstanding item: one query for every supplier at once. Sources for changes
 * requested, certificates due and overdue risks or actions join DIGEST_SOURCES as their
 * modules land.
 */
export interface DigestItemSource {
  items(now: Date): Promise<DigestItem[]>;
}
