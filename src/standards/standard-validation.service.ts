import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProblemException } from '../common/errors/problem.exception.js';
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

  async validate(
    id: string,
    payload: unknown,
  ): Promise<{ valid: boolean; errors: PayloadError[] }> {
    const [row]: { revision: number; hasSchema: boolean }[] = await this.db.query(
      `SELECT revision, json_schema IS NOT NULL AS "hasSchema" FROM standards WHERE id = $1`,
      [id],
    );
    if (!row) throw ProblemException.notFound('Standard', id);
    if (!row.hasSchema) {
      throw ProblemException.unprocessable(
        'no_schema',
        'This standard has no JSON Schema, so payloads cannot be validated against it',
      );
    }
    const changedMeanwhile = new Error('schema changed meanwhile');
    const fn = await this.schemas
      .validatorFor(`${id}@${row.revision}`, async () => {
        const [current] = await this.db.query(
          `SELECT json_schema AS "jsonSchema" FROM standards WHERE id = $1 AND revision = $2`,
          [id, row.revision],
        );
        if (!current?.jsonSchema) throw changedMeanwhile;
        return current.jsonSchema as object;
      })
      .catch((err: unknown) => {
        if (err === changedMeanwhile) return null;
        throw err;
      });
    if (!fn) return this.validate(id, payload);
    return SchemaValidator.run(fn, payload);
  }
}
