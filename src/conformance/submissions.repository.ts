import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { Product } from '../products/product.entity.js';
import { ConformanceSubmission } from './conformance-submission.entity.js';
import type { SubmissionProgressViewDto } from './dto/submission-progress-view.dto.js';
import type { SubmissionQueryDto } from './dto/submission.dto.js';
import { SubmissionHistory } from './submission-history.entity.js';
import type { SubmissionResult, SubmissionStatus } from './submission-lifecycle.js';

export interface SubmissionHistoryEntry {
  event: string;
  fromStatus?: SubmissionStatus | null;
  toStatus?: SubmissionStatus | null;
  result?: SubmissionResult | null;
  note?: string | null;
  details?: Record<string, unknown>;
}

/** Conformance submissions, their history, and the product and set they are made for. */
@Injectable()
export class SubmissionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(actor: Actor, q: SubmissionQueryDto): Promise<[ConformanceSubmission[], number]> {
    const qb = this.db.getRepository(ConformanceSubmission).createQueryBuilder('s');
    if (actor.role === 'supplier')
      qb.andWhere('s.supplier_id = :org', { org: actor.organisationId });
    if (q.productId) qb.andWhere('s.product_id = :productId', { productId: q.productId });
    if (q.serviceId) qb.andWhere('s.service_id = :serviceId', { serviceId: q.serviceId });
    if (q.status) qb.andWhere('s.status = :status', { status: q.status });
    if (q.result) qb.andWhere('s.result = :result', { result: q.result });
    return qb
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id')
      .skip(q.offset)
      .take(q.limit)
      .getManyAndCount();
  }

  find(id: string): Promise<ConformanceSubmission | null> {
    return this.db.getRepository(ConformanceSubmission).findOneBy({ id });
  }

  lockForChange(m: EntityManager, id: string): Promise<ConformanceSubmission | null> {
    return m.findOne(ConformanceSubmission, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Every earlier submission of the product for the service, newest first. */
  previousOf(
    m: EntityManager,
    productId: string,
    serviceId: string,
  ): Promise<ConformanceSubmission[]> {
    return m.find(ConformanceSubmission, {
      where: { productId, serviceId },
      order: { createdAt: 'DESC' },
    });
  }

  create(m: EntityManager, fields: Partial<ConformanceSubmission>): Promise<ConformanceSubmission> {
    return m.save(m.create(ConformanceSubmission, fields));
  }

  persist(m: EntityManager, s: ConformanceSubmission): Promise<ConformanceSubmission> {
    return m.save(s);
  }

  async progress(id: string): Promise<SubmissionProgressViewDto> {
    const [progress] = await this.db.query<SubmissionProgressViewDto[]>(
      `SELECT count(*)::int AS "items",
              count(*) FILTER (WHERE self_assessment IS NOT NULL)::int AS "answered",
              count(*) FILTER (WHERE level = 'MUST' AND self_assessment IS NULL)::int AS "mustUnanswered",
              count(*) FILTER (WHERE verdict IS NOT NULL)::int AS "withVerdict",
              (SELECT count(*)::int FROM submission_samples WHERE submission_id = $1) AS "samples",
              (SELECT count(*)::int FROM submission_samples
                WHERE submission_id = $1 AND check_status = 'failed') AS "failedChecks"
         FROM submission_items WHERE submission_id = $1`,
      [id],
    );
    return progress;
  }

  async snapshot(id: string): Promise<object | null> {
    const [row] = await this.db.query<{ snapshot: object | null }[]>(
      `SELECT snapshot FROM conformance_submissions WHERE id = $1`,
      [id],
    );
    return row?.snapshot ?? null;
  }

  /** Freezes items and samples as submitted, in one statement. */
  async freeze(m: EntityManager, id: string): Promise<void> {
    await m.query(
      `UPDATE conformance_submissions SET snapshot = jsonb_build_object(
          'round', round, 'submittedAt', submitted_at, 'requirementSetId', requirement_set_id,
          'items', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                      'code', i.code, 'level', i.level, 'selfAssessment', i.self_assessment,
                      'evidenceText', i.evidence_text, 'evidenceUrls', i.evidence_urls)
                      ORDER BY i.position), '[]'::jsonb)
                      FROM submission_items i WHERE i.submission_id = $1),
          'samples', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                      'id', x.id, 'standardId', x.standard_id, 'label', x.label,
                      'payload', x.payload, 'checkStatus', x.check_status, 'checkErrors', x.check_errors)
                      ORDER BY x.created_at), '[]'::jsonb)
                      FROM submission_samples x WHERE x.submission_id = $1))
        WHERE id = $1`,
      [id],
    );
  }

  history(submissionId: string): Promise<SubmissionHistory[]> {
    return this.db
      .getRepository(SubmissionHistory)
      .find({ where: { submissionId }, order: { occurredAt: 'ASC' } });
  }

  async addHistory(
    m: EntityManager,
    actor: Actor,
    submissionId: string,
    e: SubmissionHistoryEntry,
  ): Promise<void> {
    await m.save(
      m.create(SubmissionHistory, {
        submissionId,
        event: e.event,
        fromStatus: e.fromStatus ?? null,
        toStatus: e.toStatus ?? null,
        result: e.result ?? null,
        note: e.note ?? null,
        details: e.details ?? {},
        actorUserId: actor.userId,
        actorLabel: actor.label,
      }),
    );
  }

  lockProduct(m: EntityManager, id: string): Promise<Product | null> {
    return m.findOne(Product, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findProduct(m: EntityManager, id: string): Promise<Product> {
    return m.findOneByOrFail(Product, { id });
  }

  /** Whether the product claims to deliver the service. */
  async claimsService(m: EntityManager, productId: string, serviceId: string): Promise<boolean> {
    const [claim] = await m.query<unknown[]>(
      `SELECT 1 FROM product_services WHERE product_id = $1 AND service_id = $2`,
      [productId, serviceId],
    );
    return claim !== undefined;
  }

  /** The service's published requirement set. */
  async publishedSetId(m: EntityManager, serviceId: string): Promise<string | null> {
    const [set] = await m.query<{ id: string }[]>(
      `SELECT id FROM requirement_sets WHERE service_id = $1 AND status = 'published'`,
      [serviceId],
    );
    return set?.id ?? null;
  }
}
