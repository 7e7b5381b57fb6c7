import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProblemException } from '../common/errors/problem.exception.js';
import { StandardValidationService } from '../standards/standard-validation.service.js';
import type { GoverningStandard } from './governing-standards.js';
import type { CheckStatus } from './submission-lifecycle.js';

/**
 * The automatic standard checks run at submit: every sample payload is validated against
 * its standard's JSON Schema (the standards module's validator, compiled once per schema
 * revision); a standard without a schema makes its samples `not_testable`. Outcomes are
 * written back in one UPDATE.
 */
@Injectable()
export class SampleChecker {
  constructor(private readonly validation: StandardValidationService) {}

  async checkAll(
    m: EntityManager,
    submissionId: string,
    standards: GoverningStandard[],
  ): Promise<{ passed: number; failed: number; notTestable: number }> {
    const samples: { id: string; standard_id: string; payload: unknown }[] = await m.query(
      `SELECT id, standard_id, payload FROM submission_samples WHERE submission_id = $1`,
      [submissionId],
    );
    const withSchema = new Set(standards.filter((s) => s.hasSchema).map((s) => s.id));
    const results: { id: string; status: CheckStatus; errors: object[] }[] = [];
    for (const sample of samples) {
      if (!withSchema.has(sample.standard_id)) {
        results.push({ id: sample.id, status: 'not_testable', errors: [] });
        continue;
      }
      const outcome = await this.validation
        .validate(sample.standard_id, sample.payload)
        .catch((err: unknown) => {
          if (err instanceof ProblemException && err.getStatus() === 422) return null;
          throw err;
        });
      results.push(
        outcome
          ? { id: sample.id, status: outcome.valid ? 'passed' : 'failed', errors: outcome.errors }
          : { id: sample.id, status: 'not_testable', errors: [] },
      );
    }
    if (results.length > 0) {
      await m.query(
        `UPDATE submission_samples s
            SET check_status = e->>'status', check_errors = e->'errors', checked_at = now()
           FROM jsonb_array_elements($1::jsonb) e
          WHERE s.id = (e->>'id')::uuid`,
        [JSON.stringify(results)],
      );
    }
    const count = (st: CheckStatus) => results.filter((r) => r.status === st).length;
    return { passed: count('passed'), failed: count('failed'), notTestable: count('not_testable') };
  }
}
