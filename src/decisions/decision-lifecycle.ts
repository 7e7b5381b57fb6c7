export const DECISION_STATUSES = ['proposed', 'accepted', 'superseded', 'revoked'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/**
 * A decision is proposed, then accepted; an accepted one is later superseded (only by the
 * acceptance of a decision that names it in `supersedesId`) or revoked. A proposal that is
 * dropped is revoked too.
 */
export const DECISION_TRANSITIONS: Readonly<Record<DecisionStatus, readonly DecisionStatus[]>> = {
  proposed: ['accepted', 'revoked'],
  accepted: ['superseded', 'revoked'],
  superseded: [],
  revoked: [],
};
