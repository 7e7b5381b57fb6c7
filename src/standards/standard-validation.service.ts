import { Injectable } from '@nestjs/common';
import { ProblemException } from '../common/errors/problem.exception.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { type PayloadError, SchemaValidator } from './schema-validator.js';
import { StandardsRepository } from './standards.repository.js';

/**
 * Tests sample payloads against standards' JSON Schemas. The compiled validator is cached
 * by standard id and revision, so a schema is compiled once per change; the schema itself
 * comes from the same row as its revision, so the two always match.
 */
@Injectable()
export class StandardValidationService {
  constructor(
    private readonly standards: StandardsRepository,
    private readonly schemas: SchemaValidator,
  ) {}

  /** One payload against a standard's schema: 404 for an unknown standard, 422 without a schema. */
  async validate(
    id: string,
    payload: unknown,
  ): Promise<{ valid: boolean; errors: PayloadError[] }> {
    const fn = (await this.validatorsFor([id])).get(id);
    if (fn === undefined) throw ProblemException.notFound('Standard', id);
    if (fn === null) {
      throw ProblemException.unprocessable(
        'no_schema',
        'This standard has no JSON Schema, so payloads cannot be validated against it',
      );
    }
    return SchemaValidator.run(fn, payload);
  }

  /**
   * The compiled validators of several standards, read in one query. `null` for a standard
   * without a schema; unknown ids are absent.
   */
  async validatorsFor(ids: string[]): Promise<Map<string, ValidateFunction | null>> {
    const rows = await this.standards.schemasOf([...new Set(ids)]);
    const validators = new Map<string, ValidateFunction | null>();
    for (const { id, revision, jsonSchema } of rows) {
      validators.set(
        id,
        jsonSchema &&
          (await this.schemas.validatorFor(`${id}@${revision}`, () => Promise.resolve(jsonSchema))),
      );
    }
    return validators;
  }
}
