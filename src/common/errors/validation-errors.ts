import type { ValidationError } from 'class-validator';
import { type FieldError, ProblemException } from './problem.exception.js';

/** Flattens class-validator's tree into `a.b[0].c` field paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const path = /^\d+$/.test(e.property)
      ? `${parent}[${e.property}]`
      : parent
        ? `${parent}.${e.property}`
        : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field: path, message }));
    return [...own, ...flattenValidationErrors(e.children ?? [], path)];
  });
}

export function validationException(errors: ValidationError[]): ProblemException {
  return ProblemException.invalidFields(flattenValidationErrors(errors));
}
