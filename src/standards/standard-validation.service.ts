import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProblemException } from '../common/errors/problem.exception.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { type PayloadError, SchemaValidator } from './schema-validator.js';

/**
 * Tests a sample payload against a standard's JSON Schema. The compiled validator is
 * cached by standard id and revision, so the schema is read and compiled once per change.
 */
@Injectable()
export class StandardValidationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
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
   * The compiled validators of several standards: one query for their current revisions,
   * plus one per schema revision not compiled yet. `null` for a standard without a schema;
   * unknown ids are absent.
   */
  async validatorsFor(ids: string[]): Promise<Map<string, ValidateFunction | null>> {
    const rows: { id: string; revision: number; hasSchema: boolean }[] = await this.db.query(
      `SELECT id, revision, json_schema IS NOT NULL AS "hasSchema"
         FROM standards WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    const validators = new Map<string, ValidateFunction | null>();
    const changed: string[] = [];
    for (const row of rows) {
      const fn = row.hasSchema ? await this.compiled(row.id, row.revision) : null;
      if (fn === CHANGED) changed.push(row.id);
      else validators.set(row.id, fn);
    }
    // A schema edited between the two reads: read those standards again.
    if (changed.length > 0)
      for (const [id, fn] of await this.validatorsFor(changed)) validators.set(id, fn);
    return validators;
  }

  /** The validator of one schema revision, compiled on first use (CHANGED if superseded). */
  private async compiled(id: string, revision: number): Promise<ValidateFunction | typeof CHANGED> {
    const changedMeanwhile = new Error('schema changed meanwhile');
    return this.schemas
      .validatorFor(`${id}@${revision}`, async () => {
        const [current] = await this.db.query(
          `SELECT json_schema AS "jsonSchema" FROM standards WHERE id = $1 AND revision = $2`,
          [id, revision],
        );
        if (!current?.jsonSchema) throw changedMeanwhile;
        return current.jsonSchema as object;
      })
      .catch((err: unknown) => {
        if (err === changedMeanwhile) return CHANGED;
        throw err;
      });
  }
}

const CHANGED = Symbol('schema changed meanwhile');
