import type { Actor } from '../auth/actor.js';
import { SqlParams } from '../common/sql/sql-params.js';
import type { RiskFilterDto } from './dto/risk-query.dto.js';
import { riskFilterSql } from './risk-filters.js';
import type { RiskScoring } from './risk-scoring.service.js';
import type { RiskViewSource } from './risk-views.js';

/**
 * The register's paged list as plain SQL (page and count, run side by side), shared by
 * `RisksService.list` and the adoption benchmark's bare Fastify + pg server, so both run
 * exactly the same statements. Rows come back with the entity's property names, so the
 * one view mapper (`toRiskView`) shapes them.
 */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** Every column the view shows, named as the entity's properties. */
export const RISK_VIEW_COLUMNS = `r.id, r.reference, r.kind, r.title, r.description, r.category,
  r.scope, r.service_id AS "serviceId", r.supplier_id AS "supplierId",
  r.council_id AS "councilId", r.owner_user_id AS "ownerUserId",
  r.owner_organisation_id AS "ownerOrganisationId", r.treatment, r.status,
  r.escalation_level AS "escalationLevel",
  r.inherent_likelihood AS "inherentLikelihood", r.inherent_impact AS "inherentImpact",
  r.inherent_score AS "inherentScore", r.residual_likelihood AS "residualLikelihood",
  r.residual_impact AS "residualImpact", r.residual_score AS "residualScore",
  r.last_reviewed_at AS "lastReviewedAt", r.next_review_at AS "nextReviewAt",
  r.closure_reason AS "closureReason", r.closed_at AS "closedAt",
  r.realised_from_id AS "realisedFromId", r.realised_issue_id AS "realisedIssueId",
  r.realised_at AS "realisedAt", r.raised_by_user_id AS "raisedByUserId",
  r.raised_by_organisation_id AS "raisedByOrganisationId", r.version,
  r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

export type RiskListQuery = Partial<RiskFilterDto> & { limit: number; offset: number };

/** One page of the register (by reference) and the count of every matching entry. */
export function riskListStatements(
  actor: Actor,
  q: RiskListQuery,
  scoring: RiskScoring,
): { page: Statement; count: Statement } {
  const where = (p: SqlParams) => {
    const parts = riskFilterSql(actor, q, scoring, p);
    return parts.length ? `WHERE ${parts.map((s) => `(${s})`).join(' AND ')}` : '';
  };
  const p = new SqlParams();
  const page = `SELECT ${RISK_VIEW_COLUMNS} FROM risks r ${where(p)}
    ORDER BY r.reference LIMIT ${p.add(q.limit)} OFFSET ${p.add(q.offset)}`;
  const c = new SqlParams();
  const count = `SELECT count(*)::int AS n FROM risks r ${where(c)}`;
  return { page: { sql: page, params: p.values }, count: { sql: count, params: c.values } };
}

export type RiskRow = RiskViewSource;
