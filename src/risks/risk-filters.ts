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

/**
 * Applies the caller's visibility and the register filters to a query joining `risks`
 * as `r`. `openOnly` limits to open entries unless a status is asked for (heatmap, top).
 */
export function applyRiskFilters<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  actor: Actor,
  f: Partial<RiskFilterDto> & RiskCellFilter,
  scoring: RiskScoring,
  opts: { openOnly?: boolean } = {},
): SelectQueryBuilder<T> {
  const vis = SqlParams.named('vis');
  const visible = visibleRisksSql(actor, vis, 'r');
  if (visible) qb.andWhere(visible, vis.byName);
  for (const [key, column] of Object.entries(EQUALS)) {
    const value = f[key as keyof typeof EQUALS];
    if (value !== undefined) qb.andWhere(`r.${column} = :f_${key}`, { [`f_${key}`]: value });
  }
  if (f.rag) {
    const [min, max] = scoring.scoreRange(f.rag);
    qb.andWhere('r.residual_score >= :ragMin AND r.residual_score < :ragMax', {
      ragMin: min,
      ragMax: max,
    });
  }
  if (f.overdue !== undefined) {
    const overdue = `r.status IN (:...overdueOpen) AND r.next_review_at < now()`;
    qb.andWhere(f.overdue ? overdue : `NOT (${overdue})`, { overdueOpen: OPEN_STATUSES });
  }
  if (f.likelihood !== undefined)
    qb.andWhere('r.residual_likelihood = :cellL', { cellL: f.likelihood });
  if (f.impact !== undefined) qb.andWhere('r.residual_impact = :cellI', { cellI: f.impact });
  const cell = f.likelihood !== undefined || f.impact !== undefined;
  if ((opts.openOnly || cell) && !f.status)
    qb.andWhere('r.status IN (:...openOnly)', { openOnly: OPEN_STATUSES });
  return qb;
}
