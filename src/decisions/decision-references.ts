import { type FieldError, ProblemException } from '../common/errors/problem.exception.js';
import type { DecisionLinksDto } from './dto/decision-links.dto.js';

/** uuid-array fields of the body and the table (with an optional condition) each must name. */
export const ID_LINKS: [keyof DecisionLinksDto, string][] = [
  ['consultedOrganisationIds', `organisations t WHERE t.type IN ('SUPPLIER', 'COUNCIL') AND`],
  ['informedOrganisationIds', `organisations t WHERE t.type IN ('SUPPLIER', 'COUNCIL') AND`],
  ['riskIds', 'risks t WHERE'],
  ['serviceIds', 'services t WHERE'],
  ['standardIds', 'standards t WHERE'],
  ['localVarianceIds', 'local_variances t WHERE'],
  ['productIds', 'products t WHERE'],
];

export interface ResolvedLinks {
  requirementIds?: string[];
}

/**
 * Judges the reference checks of a decision body (DecisionsRepository.linkChecks): each
 * unknown id (and each organisation that is not a supplier or a council) is a 400 naming
 * its position (`riskIds[1]`); requirements given as set version + code resolve to
 * requirement ids.
 */
export function resolveDecisionLinks(
  row: Record<string, unknown>,
  dto: DecisionLinksDto,
): ResolvedLinks {
  const reqs = dto.requirements ?? [];
  const errors: FieldError[] = [];
  for (const [field] of ID_LINKS) {
    for (const i of row[field] as number[]) {
      errors.push({
        field: `${field}[${i}]`,
        message: field.endsWith('OrganisationIds')
          ? `${field}[${i}] must be a supplier or a council`
          : `${field}[${i}] is not known`,
      });
    }
  }
  if (!row.meeting) {
    errors.push({
      field: 'decidedByMeetingId',
      message: 'decidedByMeetingId is not a known meeting',
    });
  }
  const requirementIds = row.requirements as (string | null)[];
  requirementIds.forEach((id, i) => {
    if (id === null) {
      errors.push({
        field: `requirements[${i}]`,
        message: `requirements[${i}]: no requirement ${reqs[i].code} in that set version`,
      });
    }
  });
  if (errors.length) throw ProblemException.invalidFields(errors);
  return dto.requirements ? { requirementIds: [...new Set(requirementIds as string[])] } : {};
}
