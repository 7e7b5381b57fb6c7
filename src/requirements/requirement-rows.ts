import { type FieldError, ProblemException } from '../common/errors/problem.exception.js';

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
