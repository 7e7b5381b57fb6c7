import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { SubmissionItemViewDto } from './dto/submission-item-view.dto.js';
import { requirementHashSql } from './requirement-hash.js';

/** The items of submissions: one per requirement of the set assessed against. */
@Injectable()
export class SubmissionItemsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  listOfSubmission(submissionId: string): Promise<SubmissionItemViewDto[]> {
    return this.db.query<SubmissionItemViewDto[]>(
      `SELECT i.id, i.code, r.title, r.description, r.category,
              r.acceptance_criteria AS "acceptanceCriteria", i.level, i.position,
              i.self_assessment AS "selfAssessment",
              i.evidence_text AS "evidenceText", i.evidence_urls AS "evidenceUrls",
              i.copied_forward AS "copiedForward", i.verdict, i.reviewer_comment AS "reviewerComment"
         FROM submission_items i JOIN requirements r ON r.id = i.requirement_id
        WHERE i.submission_id = $1 ORDER BY i.position`,
      [submissionId],
    );
  }

  /**
   * One item per requirement of the set, answers copied forward from `approvedId` for
   * requirements whose content is unchanged: how many items, how many copied.
   */
  async createFromSet(
    m: EntityManager,
    submissionId: string,
    setId: string,
    approvedId: string | null,
  ): Promise<{ items: number; copied: number }> {
    const [counts] = await m.query<{ items: number; copied: number }[]>(
      `WITH ins AS (
         INSERT INTO submission_items (submission_id, requirement_id, code, level, position,
                                       content_hash, self_assessment, evidence_text, evidence_urls,
                                       copied_forward)
         SELECT $1, r.id, r.code, r.level, r.position, h.hash, prev.self_assessment,
                coalesce(prev.evidence_text, ''), coalesce(prev.evidence_urls, '[]'::jsonb),
                prev.code IS NOT NULL
           FROM requirements r
           CROSS JOIN LATERAL (SELECT ${requirementHashSql('r')} AS hash) h
           LEFT JOIN submission_items prev
                  ON prev.submission_id = $3 AND prev.code = r.code AND prev.content_hash = h.hash
          WHERE r.requirement_set_id = $2
         RETURNING copied_forward)
       SELECT count(*)::int AS items, count(*) FILTER (WHERE copied_forward)::int AS copied FROM ins`,
      [submissionId, setId, approvedId],
    );
    return counts;
  }

  /** Bulk answers by code, in one UPDATE: the codes found. */
  async answer(m: EntityManager, submissionId: string, items: object[]): Promise<string[]> {
    const [updated] = await m.query<[{ code: string }[], number]>(
      `UPDATE submission_items i SET
          self_assessment = CASE WHEN e ? 'selfAssessment' THEN e->>'selfAssessment' ELSE i.self_assessment END,
          evidence_text = CASE WHEN e ? 'evidenceText' THEN e->>'evidenceText' ELSE i.evidence_text END,
          evidence_urls = CASE WHEN e ? 'evidenceUrls' THEN e->'evidenceUrls' ELSE i.evidence_urls END,
          copied_forward = false
         FROM jsonb_array_elements($2::jsonb) e
        WHERE i.submission_id = $1 AND i.code = e->>'code'
      RETURNING i.code`,
      [submissionId, JSON.stringify(items)],
    );
    return updated.map((r) => r.code);
  }

  /** Reviewer verdicts by code, in one UPDATE: the codes found. */
  async recordVerdicts(m: EntityManager, submissionId: string, items: object[]): Promise<string[]> {
    const [rows] = await m.query<[{ code: string }[], number]>(
      `UPDATE submission_items i SET verdict = e->>'verdict', reviewer_comment = e->>'comment'
         FROM jsonb_array_elements($2::jsonb) e
        WHERE i.submission_id = $1 AND i.code = e->>'code' RETURNING i.code`,
      [submissionId, JSON.stringify(items)],
    );
    return rows.map((r) => r.code);
  }

  /** Codes of MUST items without a self-assessment, in position order. */
  async mustUnanswered(m: EntityManager, submissionId: string): Promise<string[]> {
    const missing = await m.query<{ code: string }[]>(
      `SELECT code FROM submission_items
        WHERE submission_id = $1 AND level = 'MUST' AND self_assessment IS NULL ORDER BY position`,
      [submissionId],
    );
    return missing.map((r) => r.code);
  }
}
