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
