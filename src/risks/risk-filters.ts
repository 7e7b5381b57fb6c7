import { SqlParams } from '../common/sql/sql-params.js';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import type { RiskFilterDto } from './dto/risk-query.dto.js';
import { visibleRisksSql } from './risk-access.js';
import { OPEN_STATUSES } from './risk-lifecycle.js';
import type { RiskScoring } from './risk-scoring.service.js';

const EQUALS = {
  kind: 'kind',
  status: 'status',
  scope: 'scope',
  category: 'category',
  escalationLevel: 'escalation_level',
  serviceId: 'service_id',
  supplierId: 'supplier_id',
  councilId: 'council_id',
  ownerUserId: 'owner_user_id',
  ownerOrganisationId: 'owner_organisation_id',
} as const;

/**
 * One heatmap cell: residual likelihood × impact. Not an API filter (the portal's heatmap
 * links to it); a cell lists the open entries counted in it unless a status is asked for.
 */
export interface RiskCellFilter {
  likelihood?: number;
  impact?: number;
}

const OPEN_SQL = `(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * The caller's visibility and the register filters as SQL conditions over `risks` aliased
 * `r`, binding values through `p` (positional for plain statements, named for query
 * builders). `openOnly` limits to open entries unless a status is asked for (heatmap, top);
 * a heatmap cell does too.
 */
export function riskFilterSql(
  actor: Actor,
  f: Partial<RiskFilterDto> & RiskCellFilter,
  scoring: RiskScoring,
  p: SqlParams,
  opts: { openOnly?: boolean } = {},
): string[] {
  const parts: string[] = [];
  const visible = visibleRisksSql(actor, p, 'r');
  if (visible) parts.push(visible);
  for (const [key, column] of Object.entries(EQUALS)) {
    const value = f[key as keyof typeof EQUALS];
    if (value !== undefined) parts.push(`r.${column} = ${p.add(value)}`);
  }
  if (f.rag) {
    const [min, max] = scoring.scoreRange(f.rag);
    parts.push(`r.residual_score >= ${p.add(min)} AND r.residual_score < ${p.add(max)}`);
  }
  if (f.overdue !== undefined) {
    const overdue = `r.status IN ${OPEN_SQL} AND r.next_review_at < now()`;
    parts.push(f.overdue ? overdue : `NOT (${overdue})`);
  }
  if (f.likelihood !== undefined) parts.push(`r.residual_likelihood = ${p.add(f.likelihood)}`);
  if (f.impact !== undefined) parts.push(`r.residual_impact = ${p.add(f.impact)}`);
  const cell = f.likelihood !== undefined || f.impact !== undefined;
  if ((opts.openOnly || cell) && !f.status) parts.push(`r.status IN ${OPEN_SQL}`);
  return parts;
}

/** `riskFilterSql` applied to a query builder joining `risks` as `r`. */
export function applyRiskFilters<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  actor: Actor,
  f: Partial<RiskFilterDto> & RiskCellFilter,
  scoring: RiskScoring,
  opts: { openOnly?: boolean } = {},
): SelectQueryBuilder<T> {
  const p = SqlParams.named('riskf');
  for (const part of riskFilterSql(actor, f, scoring, p, opts)) qb.andWhere(`(${part})`);
  return qb.setParameters(p.byName);
}
