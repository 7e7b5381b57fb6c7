import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { GoverningStandard } from './governing-standards.js';
import { GOVERNING_STANDARD_STATUSES } from './submission-lifecycle.js';
import { SubmissionSample } from './submission-sample.entity.js';

/** A sample's payload as the standard checks read it. */
export interface SamplePayloadRow {
  id: string;
  standard_id: string;
  payload: unknown;
}

/** Sample payloads of submissions, and the standards that govern a service. */
@Injectable()
export class SubmissionSamplesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  listOfSubmission(submissionId: string): Promise<SubmissionSample[]> {
    return this.db
      .getRepository(SubmissionSample)
      .find({ where: { submissionId }, order: { createdAt: 'ASC' } });
  }

  /** The active (or deprecated, still in force) standards governing a service. */
  governingStandards(
    serviceId: string,
    m: EntityManager = this.db.manager,
  ): Promise<GoverningStandard[]> {
    return m.query<GoverningStandard[]>(
      `SELECT s.id, s.code, s.version, s.json_schema IS NOT NULL AS "hasSchema"
         FROM standards s JOIN standard_services ss ON ss.standard_id = s.id
        WHERE ss.service_id = $1 AND s.status = ANY($2)
        ORDER BY s.code, s.version`,
      [serviceId, GOVERNING_STANDARD_STATUSES],
    );
  }

  create(m: EntityManager, fields: Partial<SubmissionSample>): Promise<SubmissionSample> {
    return m.save(m.create(SubmissionSample, fields));
  }

  find(m: EntityManager, submissionId: string, id: string): Promise<SubmissionSample | null> {
    return m.findOneBy(SubmissionSample, { id, submissionId });
  }

  async delete(m: EntityManager, id: string): Promise<void> {
    await m.delete(SubmissionSample, { id });
  }

  /** Copies the samples of `fromId` for the given standards into `toId`: how many. */
  async copy(
    m: EntityManager,
    fromId: string | null,
    toId: string,
    standardIds: string[],
  ): Promise<number> {
    const samples = await m.query<{ id: string }[]>(
      `INSERT INTO submission_samples (submission_id, standard_id, label, payload)
       SELECT $1, prev.standard_id, prev.label, prev.payload FROM submission_samples prev
        WHERE prev.submission_id = $2 AND prev.standard_id = ANY($3::uuid[])
        ORDER BY prev.created_at
       RETURNING id`,
      [toId, fromId, standardIds],
    );
    return samples.length;
  }

  /** The standards the submission has at least one sample for. */
  async sampledStandardIds(m: EntityManager, submissionId: string): Promise<string[]> {
    const [{ with_samples }] = await m.query<{ with_samples: string[] }[]>(
      `SELECT coalesce(array_agg(DISTINCT standard_id), '{}') AS with_samples
         FROM submission_samples WHERE submission_id = $1`,
      [submissionId],
    );
    return with_samples;
  }

  async countFailed(m: EntityManager, submissionId: string): Promise<number> {
    const [{ failed }] = await m.query<{ failed: number }[]>(
      `SELECT count(*)::int AS failed FROM submission_samples
        WHERE submission_id = $1 AND check_status = 'failed'`,
      [submissionId],
    );
    return failed;
  }

  /** Reviewer verdicts by sample id, in one UPDATE: the ids found. */
  async recordVerdicts(
    m: EntityManager,
    submissionId: string,
    samples: object[],
  ): Promise<string[]> {
    const [rows] = await m.query<[{ id: string }[], number]>(
      `UPDATE submission_samples s SET verdict = e->>'verdict', reviewer_comment = e->>'comment'
         FROM jsonb_array_elements($2::jsonb) e
        WHERE s.submission_id = $1 AND s.id = (e->>'id')::uuid RETURNING s.id`,
      [submissionId, JSON.stringify(samples)],
    );
    return rows.map((r) => r.id);
  }

  payloads(m: EntityManager, submissionId: string): Promise<SamplePayloadRow[]> {
    return m.query<SamplePayloadRow[]>(
      `SELECT id, standard_id, payload FROM submission_samples WHERE submission_id = $1`,
      [submissionId],
    );
  }

  /** Writes check outcomes (`{ id, status, errors }` each) in one UPDATE. */
  async recordChecks(m: EntityManager, results: object[]): Promise<void> {
    await m.query(
      `UPDATE submission_samples s
          SET check_status = e->>'status', check_errors = e->'errors', checked_at = now()
         FROM jsonb_array_elements($1::jsonb) e
        WHERE s.id = (e->>'id')::uuid`,
      [JSON.stringify(results)],
    );
  }
}
