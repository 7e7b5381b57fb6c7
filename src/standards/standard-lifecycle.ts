export const STANDARD_STATUSES = ['draft', 'active', 'deprecated', 'retired'] as const;
export type StandardStatus = (typeof STANDARD_STATUSES)[number];

/** Standard lifecycle: the only moves allowed. A deprecated standard may be reinstated. */
export const STANDARD_TRANSITIONS: Record<StandardStatus, StandardStatus[]> = {
  draft: ['active'],
  active: ['deprecated'],
  deprecated: ['active', 'retired'],
  retired: [],
};

/** Upper-case slug, e.g. FSM-ECS-REQUEST. */
export const STANDARD_CODE = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/;
/** 1.0, 1.0.0 or 2.1.3. */
export const STANDARD_VERSION = /^\d{1,4}\.\d{1,4}(\.\d{1,4})?$/;
