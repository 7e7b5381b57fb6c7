/** One party a council already uses that a product was tested together with. */
export interface WorksWithEntry {
  type: 'product' | 'shared_service';
  id: string;
  name: string;
  result: 'passed' | 'failed' | 'partially_verified';
  testedOn: string;
  retestDue: boolean;
}

export type WorksWithRow = WorksWithEntry & { product_id: string };

/** The rows of `ProductComparisonRepository.worksWith`, grouped by product. */
export function worksWithByProduct(rows: WorksWithRow[]): Map<string, WorksWithEntry[]> {
  const out = new Map<string, WorksWithEntry[]>();
  for (const { product_id, ...entry } of rows) {
    out.set(product_id, [...(out.get(product_id) ?? []), entry]);
  }
  return out;
}
