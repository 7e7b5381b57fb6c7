import type { DecisionStatus } from './decision-lifecycle.js';
import type { DecisionOption } from './decision.entity.js';
import type { DecisionRequirementViewDto } from './dto/decision-requirement-view.dto.js';
import type { DecisionSummaryViewDto } from './dto/decision-summary-view.dto.js';
import type { DecisionViewDto } from './dto/decision-view.dto.js';

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

/** Maps a row of DECISION_SELECT (snake_case columns) to the API view. */
export function toDecisionView(r: Record<string, unknown>): DecisionViewDto {
  return {
    id: r.id as string,
    title: r.title as string,
    context: r.context as string,
    options: (r.options as DecisionOption[]).map((o) => ({
      title: o.title,
      description: o.description ?? '',
      pros: o.pros ?? [],
      cons: o.cons ?? [],
    })),
    outcome: r.outcome as string,
    rationale: r.rationale as string,
    consequences: r.consequences as string,
    status: r.status as DecisionStatus,
    supersedesId: (r.supersedes_id as string | null) ?? null,
    supersededById: (r.superseded_by_id as string | null) ?? null,
    decidedByMeetingId: (r.decided_by_meeting_id as string | null) ?? null,
    decidedByPeople: r.decided_by_people as string[],
    consultedOrganisationIds: r.consulted_organisation_ids as string[],
    informedOrganisationIds: r.informed_organisation_ids as string[],
    publicToProgramme: r.public_to_programme as boolean,
    decidedOn: (r.decided_on as string | null) ?? null,
    reviewDate: (r.review_date as string | null) ?? null,
    revocationReason: (r.revocation_reason as string | null) ?? null,
    riskIds: r.risk_ids as string[],
    requirements: r.requirements as DecisionRequirementViewDto[],
    serviceIds: r.service_ids as string[],
    standardIds: r.standard_ids as string[],
    localVarianceIds: r.local_variance_ids as string[],
    productIds: r.product_ids as string[],
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: Number(r.version),
  };
}

export const toDecisionSummary = (r: Record<string, unknown>): DecisionSummaryViewDto => ({
  id: r.id as string,
  title: r.title as string,
  status: r.status as DecisionStatus,
  decidedOn: (r.decided_on as string | null) ?? null,
  supersedesId: (r.supersedes_id as string | null) ?? null,
  supersededById: (r.superseded_by_id as string | null) ?? null,
});
