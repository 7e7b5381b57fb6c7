import {
  type ArgumentMetadata,
  type Type,
  ValidationPipe,
  type ValidationPipeOptions,
} from '@nestjs/common';
import { ProblemException } from '../errors/problem.exception.js';
import { inspectInput } from './input-limits.js';

/**
 * The global ValidationPipe, preceded by the input guard: every body, query and path
 * parameter is walked (no recursion) for nesting depth, NUL characters and unpaired
 * surrogates before class-transformer sees it, so no input can overflow the stack or
 * reach PostgreSQL with a string it cannot store.
 */
export class GuardedValidationPipe extends ValidationPipe {
  constructor(options: ValidationPipeOptions) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const root = metadata.type === 'body' ? '' : (metadata.data ?? '');
      const problem = inspectInput(value, root);
      if (problem) {
        throw ProblemException.badRequest('invalid_input', problem.message, [problem]);
      }
    }
    if (metadata.type === 'body' && metadata.metatype)
      nullsOnlyWhereNullable(value, metadata.metatype);
    return super.transform(value, metadata);
  }
}

/** Where @nestjs/swagger keeps a DTO property's documented schema (`nullable` among it). */
const SWAGGER_PROPERTY = 'swagger/apiModelProperties';

/**
 * The one null policy for request bodies: `null` is accepted only for a property the
 * OpenAPI document marks `nullable` (it clears the value); anywhere else it is a 400
 * "must not be null" — leave the property out to keep the current value. Without this,
 * `@IsOptional()` lets null through to NOT NULL columns and array code.
 */
function nullsOnlyWhereNullable(
  value: unknown,
  metatype: Type | (new (...args: never[]) => unknown),
) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  if (
    typeof metatype !== 'function' ||
    [String, Number, Boolean, Array, Object].includes(metatype as never)
  )
    return;
  const errors = Object.entries(value)
    .filter(([key, v]) => {
      if (v !== null) return false;
      const schema = Reflect.getMetadata(SWAGGER_PROPERTY, metatype.prototype as object, key) as
        { nullable?: boolean } | undefined;
      return schema?.nullable !== true;
    })
    .map(([key]) => ({ field: key, message: `${key} must not be null (leave it out instead)` }));
  if (errors.length > 0) throw ProblemException.invalidFields(errors);
}
