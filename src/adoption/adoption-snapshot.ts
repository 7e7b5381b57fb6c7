import type { Adoption } from './adoption.entity.js';

/** The fields of an adoption its history and audit diffs compare. */
export const adoptionSnapshot = (a: Adoption) => ({
  stage: a.stage,
  stageEnteredAt: a.stageEnteredAt,
  routeType: a.routeType,
  productId: a.productId,
  sharedServiceId: a.sharedServiceId,
  targetDates: a.targetDates,
  goLiveDate: a.goLiveDate,
  notes: a.notes,
  attentionRequired: a.attentionRequired,
  attentionReason: a.attentionReason,
});
