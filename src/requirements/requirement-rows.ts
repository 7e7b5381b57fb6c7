import type { EntityManager } from 'typeorm';
import { type FieldError, ProblemException } from '../common/errors/problem.exception.js';
import type { RequirementDto } from './dto/requirement.dto.js';
import { REQUIREMENT_COLUMNS, type RequirementView } from './requirement-views.js';

/** Rows per INSERT statement: 7 array parameters each, so no parameter limit applies. */
export const REQUIREMENT_INSERT_CHUNK = 1000;

/**
 * Inserts requirements in chunks of REQUIREMENT_INSERT_CHUNK rows, one `unnest` statement
 * per chunk, positions following the array order (after `startPosition`).
 */
export async function insertRequirements(
  m: EntityManager,
  setId: string,
  items: RequirementDto[],
  startPosition = 0,
): Promise<RequirementView[]> {
  const inserted: RequirementView[] = [];
  for (let i = 0; i < items.length; i += REQUIREMENT_INSERT_CHUNK) {
    const chunk = items.slice(i, i + REQUIREMENT_INSERT_CHUNK);
    const rows: RequirementView[] = await m.query(
      `INSERT INTO requirements
         (requirement_set_id, code, title, description, level, category, acceptance_criteria, position)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                                $7::text[], $8::int[])
       RETURNING ${REQUIREMENT_COLUMNS}`,
      [
        setId,
        chunk.map((r) => r.code),
        chunk.map((r) => r.title),
        chunk.map((r) => r.description ?? ''),
        chunk.map((r) => r.level),
        chunk.map((r) => r.category ?? ''),
        chunk.map((r) => r.acceptanceCriteria ?? ''),
        chunk.map((_, j) => startPosition + i + j + 1),
      ],
    );
    inserted.push(...rows);
  }
  return inserted.sort((a, b) => a.position - b.position);
}

/** 400 naming every repeated code, e.g. `requirements[7].code`. */
export function assertUniqueCodes(
  items: { code: string }[],
  field: (index: number) => string,
): void {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  items.forEach((r, i) => {
    if (seen.has(r.code)) errors.push({ field: field(i), message: `code ${r.code} is repeated` });
    seen.add(r.code);
  });
  if (errors.length > 0) {
    throw ProblemException.badRequest(
      'duplicate_requirement_codes',
      `Requirement codes must be unique within a set: ${errors.length} repeated`,
      errors,
    );
  }
}
