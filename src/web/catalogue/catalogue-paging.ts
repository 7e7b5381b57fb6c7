/** Who reads the catalogue pages, and who changes requirement sets through them. */
export const CATALOGUE_READERS = ['programme_admin', 'programme_viewer', 'agency'] as const;
export const CATALOGUE_ADMIN = 'programme_admin';

/** `?page=` as a page number (1 when absent or not a small positive number). */
export const pageNumber = (v: unknown): number =>
  typeof v === 'string' && /^[1-9]\d{0,3}$/.test(v) ? Number(v) : 1;

/** The govukPagination links of a list split into pages. */
export function pagination(path: string, page: number, total: number, size: number) {
  const pages = Math.max(1, Math.ceil(total / size));
  const link = (n: number) => ({ href: `${path}?page=${n}` });
  return {
    page,
    pages,
    previous: page > 1 ? link(page - 1) : undefined,
    next: page < pages ? link(page + 1) : undefined,
  };
}
