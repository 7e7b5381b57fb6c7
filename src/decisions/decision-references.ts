import type { EntityManager } from 'typeorm';
import { type FieldError, ProblemException } from '../common/errors/problem.exception.js';
import { SqlParams } from '../common/sql/sql-params.js';
import type { DecisionLinksDto } from './dto/decision-links.dto.js';

/** uuid-array fields of the body and the table (with an optional condition) each must name. */
const ID_LINKS: [keyof DecisionLinksDto, string][] = [
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
 * Checks every reference of a decision body in one statement: each unknown id (and each
 * organisation that is not a supplier or a council) is a 400 naming its position
 * (`riskIds[1]`); requirements given as set version + code resolve to requirement ids.
 */
export async function resolveDecisionLinks(
  m: EntityManager,
  dto: DecisionLinksDto & { decidedByMeetingId?: string | null },
): Promise<ResolvedLinks> {
  const p = new SqlParams();
  const checks = ID_LINKS.map(
    ([field, from]) =>
      `(SELECT coalesce(array_agg(x.i - 1 ORDER BY x.i), '{}') FROM unnest(${p.add(
        (dto[field] as string[] | undefined) ?? [],
      )}::uuid[]) WITH ORDINALITY AS x(id, i)
         WHERE NOT EXISTS (SELECT 1 FROM ${from} t.id = x.id)) AS "${field}"`,
  );
  const reqs = dto.requirements ?? [];
  const [row] = await m.query<Record<string, unknown>[]>(
    `SELECT ${checks.join(',\n')},
            (SELECT coalesce(json_agg(q.id ORDER BY r.i), '[]'::json)
               FROM jsonb_array_elements(${p.add(JSON.stringify(reqs))}::jsonb) WITH ORDINALITY AS r(e, i)
               LEFT JOIN requirements q ON q.requirement_set_id = (r.e->>'requirementSetId')::uuid
                    AND q.code = r.e->>'code'
            ) AS requirements,
            (${p.add(dto.decidedByMeetingId ?? null)}::uuid IS NULL OR EXISTS
              (SELECT 1 FROM meetings mt WHERE mt.id = ${p.add(dto.decidedByMeetingId ?? null)}::uuid)) AS meeting`,
    p.values,
  );
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
