/** Publication status of a supplier's product (DESIGN.md, products). */
export const PRODUCT_STATUSES = [
  'draft',
  'published',
  'in_remediation',
  'suspended',
  'unpublished',
] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** Statuses councils can see: a suspended (or draft / unpublished) product is hidden. */
export const COUNCIL_VISIBLE_PRODUCT_STATUSES: readonly ProductStatus[] = [
  'published',
  'in_remediation',
];

/**
 * The publication lifecycle: the only moves `POST /products/{id}/transitions` allows.
 * Who may make each move is in `SUPPLIER_MOVES` / `OFFICE_ONLY_TARGETS`.
 */
export const PRODUCT_TRANSITIONS: Record<ProductStatus, ProductStatus[]> = {
  draft: ['published'],
  published: ['in_remediation', 'suspended', 'unpublished'],
  in_remediation: ['published', 'suspended', 'unpublished'],
  suspended: ['published', 'in_remediation', 'unpublished'],
  unpublished: ['published'],
};

/** Moves the owning supplier makes itself; every other move is the programme office's. */
export const SUPPLIER_MOVES: readonly `${ProductStatus}>${ProductStatus}`[] = [
  'draft>published',
  'published>unpublished',
  'unpublished>published',
];

/** Office moves into these statuses need a reason (it is shown to the supplier). */
export const REASON_REQUIRED_TARGETS: readonly ProductStatus[] = [
  'in_remediation',
  'suspended',
  'unpublished',
];
