import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SchemaValidator } from '../standards/schema-validator.js';
import { StandardValidationService } from '../standards/standard-validation.service.js';
import type { GoverningStandard } from './governing-standards.js';
import type { CheckStatus } from './submission-lifecycle.js';
import { SubmissionSamplesRepository } from './submission-samples.repository.js';

/**
 * The automatic standard checks run at submit: every sample payload is validated against
 * its standard's JSON Schema (the standards module's validators, compiled once per schema
 * revision, read for all the submission's standards at once); a standard without a schema
 * makes its samples `not_testable`. Outcomes are written back in one UPDATE: the number of
 * queries does not grow with the number of samples.
 */
@Injectable()
export class SampleChecker {
  constructor(
    private readonly validation: StandardValidationService,
    private readonly samples: SubmissionSamplesRepository,
  ) {}

  /**
   * Checks one payload as it is uploaded, so a supplier learns at once whether it passes:
   * the status and JSON-pointer errors the sample is saved with (submit checks again).
   */
  async checkOne(
    standardId: string,
    payload: unknown,
  ): Promise<{ checkStatus: CheckStatus; checkErrors: { pointer: string; message: string }[] }> {
    const fn = (await this.validation.validatorsFor([standardId])).get(standardId);
    if (!fn) return { checkStatus: 'not_testable', checkErrors: [] };
    const outcome = SchemaValidator.run(fn, payload);
    return {
      checkStatus: outcome.valid ? 'passed' : 'failed',
      checkErrors: outcome.errors,
    };
  }

  async checkAll(
    m: EntityManager,
    submissionId: string,
    standards: GoverningStandard[],
  ): Promise<{ passed: number; failed: number; notTestable: number }> {
    const samples = await this.samples.payloads(m, submissionId);
    const validators = await this.validation.validatorsFor(
      standards.filter((s) => s.hasSchema).map((s) => s.id),
    );
    const results = samples.map((sample): { id: string; status: CheckStatus; errors: object[] } => {
      const fn = validators.get(sample.standard_id);
      if (!fn) return { id: sample.id, status: 'not_testable', errors: [] };
      const outcome = SchemaValidator.run(fn, sample.payload);
      return { id: sample.id, status: outcome.valid ? 'passed' : 'failed', errors: outcome.errors };
    });
    if (results.length > 0) {
      await this.samples.recordChecks(m, results);
    }
    const count = (st: CheckStatus) => results.filter((r) => r.status === st).length;
    return { passed: count('passed'), failed: count('failed'), notTestable: count('not_testable') };
  }
}
