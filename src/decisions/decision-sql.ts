import { type Actor, isTenantScoped } from '../auth/actor.js';
import type { SqlParams } from '../common/sql/sql-params.js';

/** Every column of a decision plus its linked requirements (set, version, code), as one row. */
export const DECISION_SELECT = `SELECT d.id, d.title, d.context, d.options, d.outcome, d.rationale,
    d.consequences, d.status, d.supersedes_id, d.decided_by_meeting_id, d.superseded_by_id, d.decided_by_people,
    d.consulted_organisation_ids, d.informed_organisation_ids, d.public_to_programme,
    d.decided_on::text AS decided_on, d.review_date::text AS review_date, d.revocation_reason,
    d.risk_ids, d.service_ids, d.standard_ids, d.local_variance_ids, d.product_ids,
    d.created_at, d.updated_at, d.version,
    coalesce((SELECT json_agg(json_build_object('id', q.id, 'requirementSetId', q.requirement_set_id,
              'version', s.version, 'code', q.code, 'title', q.title) ORDER BY s.version, q.code)
         FROM requirements q JOIN requirement_sets s ON s.id = q.requirement_set_id
        WHERE q.id = ANY(d.requirement_ids)), '[]'::json) AS requirements
  FROM decisions d`;

/**
 * Who reads which decisions, as SQL over alias `d`: programme staff and agencies read all;
 * a supplier or council reads those marked public to the programme, those it was
 * consulted or informed on, and those taken at a meeting of a group it sits in. Null when the actor reads everything.
 */
export function visibleDecisionsSql(actor: Actor, p: SqlParams, alias = 'd'): string | null {
  if (!isTenantScoped(actor)) return null;
  const id = p.add(actor.organisationId);
  const org = `ARRAY[${id}]::uuid[]`;
  return `(${alias}.public_to_programme OR ${alias}.consulted_organisation_ids @> ${org}
           OR ${alias}.informed_organisation_ids @> ${org}
           OR ${alias}.decided_by_meeting_id IN (SELECT mt.id FROM meetings mt
                JOIN governance_group_members gm ON gm.group_id = mt.group_id
               WHERE gm.organisation_id = ${id}))`;
}
