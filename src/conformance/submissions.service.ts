import { SampleChecker } from './sample-checker.service.js';
import { governingStandards } from './governing-standards.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { assertCanChangeProduct } from '../products/product-access.js';
import { Product } from '../products/product.entity.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { ConformanceSubmission } from './conformance-submission.entity.js';
import {
  type SubmissionView,
  toSubmissionHistoryView,
  toSubmissionView,
} from './conformance-views.js';
import type {
  AnswerItemsDto,
  CreateSubmissionDto,
  SubmissionQueryDto,
} from './dto/submission.dto.js';
import { requirementHashSql } from './requirement-hash.js';
import { SubmissionHistory } from './submission-history.entity.js';
import { isOpen } from './submission-lifecycle.js';
import { SubmissionStore } from './submission-store.service.js';
import { SubmissionItemViewDto } from './dto/submission-item-view.dto.js';
import { SubmissionProgressViewDto } from './dto/submission-progress-view.dto.js';

/**
 * Creating submissions (items from the requirement set in one INSERT … SELECT, answers
 * copied forward from the last approved submission for unchanged requirements), reading
 * them, and answering items in bulk.
 */
@Injectable()
export class SubmissionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly store: SubmissionStore,
    private readonly checker: SampleChecker,
  ) {}

  async list(actor: Actor, q: SubmissionQueryDto): Promise<Page<SubmissionView>> {
    const qb = this.db.getRepository(ConformanceSubmission).createQueryBuilder('s');
    if (actor.role === 'supplier')
      qb.andWhere('s.supplier_id = :org', { org: actor.organisationId });
    if (q.productId) qb.andWhere('s.product_id = :productId', { productId: q.productId });
    if (q.serviceId) qb.andWhere('s.service_id = :serviceId', { serviceId: q.serviceId });
    if (q.status) qb.andWhere('s.status = :status', { status: q.status });
    if (q.result) qb.andWhere('s.result = :result', { result: q.result });
    const [rows, total] = await qb
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id')
      .skip(q.offset)
      .take(q.limit)
      .getManyAndCount();
    return toPage(rows.map(toSubmissionView), total, q);
  }

  async get(actor: Actor, id: string) {
    const s = await this.store.findVisible(actor, id);
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
    return { ...toSubmissionView(s), progress };
  }

  /** The snapshot frozen at the last submit (404 before the first). */
  async snapshot(actor: Actor, id: string) {
    await this.store.findVisible(actor, id);
    const [row] = await this.db.query<{ snapshot: object | null }[]>(
      `SELECT snapshot FROM conformance_submissions WHERE id = $1`,
      [id],
    );
    if (!row?.snapshot) throw ProblemException.notFound('Snapshot of submission', id);
    return row.snapshot;
  }

  async items(actor: Actor, id: string) {
    await this.store.findVisible(actor, id);
    const rows = await this.db.query<SubmissionItemViewDto[]>(
      `SELECT i.id, i.code, r.title, r.description, r.category,
              r.acceptance_criteria AS "acceptanceCriteria", i.level, i.position,
              i.self_assessment AS "selfAssessment",
              i.evidence_text AS "evidenceText", i.evidence_urls AS "evidenceUrls",
              i.copied_forward AS "copiedForward", i.verdict, i.reviewer_comment AS "reviewerComment"
         FROM submission_items i JOIN requirements r ON r.id = i.requirement_id
        WHERE i.submission_id = $1 ORDER BY i.position`,
      [id],
    );
    return { data: rows };
  }

  async history(actor: Actor, id: string) {
    await this.store.findVisible(actor, id);
    const rows = await this.db
      .getRepository(SubmissionHistory)
      .find({ where: { submissionId: id }, order: { occurredAt: 'ASC' } });
    return { data: rows.map(toSubmissionHistoryView) };
  }

  async create(actor: Actor, dto: CreateSubmissionDto): Promise<SubmissionView> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const product = await m.findOne(Product, {
        where: { id: dto.productId },
        lock: { mode: 'pessimistic_write' },
      });
      assertCanChangeProduct(actor, product, dto.productId);
      const [claim] = await m.query<unknown[]>(
        `SELECT 1 FROM product_services WHERE product_id = $1 AND service_id = $2`,
        [product.id, dto.serviceId],
      );
      if (!claim) {
        throw ProblemException.unprocessable(
          'service_not_claimed',
          'The product does not claim to deliver this service; add it to the product first',
        );
      }
      const [set] = await m.query<{ id: string }[]>(
        `SELECT id FROM requirement_sets WHERE service_id = $1 AND status = 'published'`,
        [dto.serviceId],
      );
      if (!set) {
        throw ProblemException.unprocessable(
          'no_published_requirements',
          'The service has no published requirement set to assess against',
        );
      }
      const previous = await m.find(ConformanceSubmission, {
        where: { productId: product.id, serviceId: dto.serviceId },
        order: { createdAt: 'DESC' },
      });
      const open = previous.find(isOpen);
      if (open) {
        throw ProblemException.conflict(
          'submission_open',
          `The product already has an open submission for this service (${open.id})`,
          { submissionId: open.id },
        );
      }
      const approved = previous.find((s) => s.result === 'approved') ?? null;
      const created = await m.save(
        m.create(ConformanceSubmission, {
          productId: product.id,
          supplierId: product.supplierId,
          serviceId: dto.serviceId,
          requirementSetId: set.id,
          status: 'draft',
          copiedFromId: approved?.id ?? null,
        }),
      );
      const [{ items, copied }] = await m.query<{ items: number; copied: number }[]>(
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
        [created.id, set.id, approved?.id ?? null],
      );
      // Samples of the approved submission come along for standards still governing the
      // service, checked again against the schema as it is now.
      const governing = await governingStandards(m, dto.serviceId);
      const samples: unknown[] = await m.query(
        `INSERT INTO submission_samples (submission_id, standard_id, label, payload)
         SELECT $1, prev.standard_id, prev.label, prev.payload FROM submission_samples prev
          WHERE prev.submission_id = $2 AND prev.standard_id = ANY($3::uuid[])
          ORDER BY prev.created_at
         RETURNING id`,
        [created.id, approved?.id ?? null, governing.map((g) => g.id)],
      );
      if (samples.length > 0) await this.checker.checkAll(m, created.id, governing);
      created.copiedItems = copied;
      const saved = await m.save(created);
      const view = toSubmissionView(saved);
      await this.store.addHistory(m, actor, saved.id, {
        event: 'created',
        toStatus: 'draft',
        details: {
          items,
          copiedForward: copied,
          copiedSamples: samples.length,
          copiedFromId: approved?.id ?? null,
        },
      });
      await this.audit.record(m, actor, {
        action: 'submission.created',
        entityType: 'conformance_submission',
        entityId: saved.id,
        after: { ...view, items },
      });
      return view;
    });
  }

  /** Bulk answers by requirement code, in one UPDATE; unknown codes are a 400 (nothing saved). */
  async answer(actor: Actor, id: string, dto: AnswerItemsDto) {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const s = await this.store.lock(m, actor, id, dto.version);
      if (actor.role !== 'supplier' && actor.role !== 'programme_admin') {
        throw ProblemException.notFound('Submission', id);
      }
      this.store.assertEditable(s);
      const codes = dto.items.map((i) => i.code);
      const dupes = codes.filter((c, i) => codes.indexOf(c) !== i);
      if (dupes.length > 0) {
        throw ProblemException.invalidFields(
          [...new Set(dupes)].map((c) => ({ field: `items[${c}]`, message: 'answered twice' })),
        );
      }
      const [updated]: [{ code: string }[]] = await m.query(
        `UPDATE submission_items i SET
            self_assessment = CASE WHEN e ? 'selfAssessment' THEN e->>'selfAssessment' ELSE i.self_assessment END,
            evidence_text = CASE WHEN e ? 'evidenceText' THEN e->>'evidenceText' ELSE i.evidence_text END,
            evidence_urls = CASE WHEN e ? 'evidenceUrls' THEN e->'evidenceUrls' ELSE i.evidence_urls END,
            copied_forward = false
           FROM jsonb_array_elements($2::jsonb) e
          WHERE i.submission_id = $1 AND i.code = e->>'code'
        RETURNING i.code`,
        [id, JSON.stringify(dto.items)],
      );
      const found = new Set(updated.map((r) => r.code));
      const unknown = codes.filter((c) => !found.has(c));
      if (unknown.length > 0) {
        throw ProblemException.badRequest(
          'unknown_requirements',
          `Not requirements of this submission's set: ${unknown.join(', ')}`,
          unknown.map((c) => ({
            field: `items[${c}].code`,
            message: 'not in the requirement set',
          })),
        );
      }
      const saved = await this.store.touch(m, s);
      await this.store.addHistory(m, actor, id, { event: 'answered', details: { codes } });
      await this.audit.record(m, actor, {
        action: 'submission.answered',
        entityType: 'conformance_submission',
        entityId: id,
        after: { answers: dto.items },
      });
      return { ...toSubmissionView(saved), answered: codes.length };
    });
  }
}
