export const REQUIREMENT_SET_STATUSES = ['draft', 'published', 'superseded'] as const;
export type RequirementSetStatus = (typeof REQUIREMENT_SET_STATUSES)[number];

/**
 * Requirement set lifecycle. Publishing moves a draft to published; publishing the next
 * version supersedes the previous published one. Only drafts can be edited.
 */
export const REQUIREMENT_SET_TRANSITIONS: Record<RequirementSetStatus, RequirementSetStatus[]> = {
  draft: ['published'],
  published: ['superseded'],
  superseded: [],
};

export const REQUIREMENT_LEVELS = ['MUST', 'SHOULD', 'MAY'] as const;
export type RequirementLevel = (typeof REQUIREMENT_LEVELS)[number];

/** E.g. ADM-014. */
export const REQUIREMENT_CODE = /^[A-Z]{2,6}-\d{3}$/;

/** The most requirements one set may hold (one request, one CSV import). */
export const MAX_REQUIREMENTS = 1000;
