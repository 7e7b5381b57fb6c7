/** A page number from the address (`?page=`): 1..9999, else 1. */
export const pageNumber = (v: unknown): number =>
  typeof v === 'string' && /^[1-9]\d{0,3}$/.test(v) ? Number(v) : 1;

/** How many pages a list of `total` items takes, `size` to a page (at least one). */
export const pageCount = (total: number, size: number): number =>
  Math.max(1, Math.ceil(total / size));

/** govukPagination's previous and next links around page `page` of `pages`. */
export function pageLinks(page: number, pages: number, href: (n: number) => string) {
  return {
    previous: page > 1 ? { href: href(page - 1) } : undefined,
    next: page < pages ? { href: href(page + 1) } : undefined,
  };
}
