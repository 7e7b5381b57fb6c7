import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { Product } from '../products/product.entity.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { CertificateIssuer } from './certificate-issuer.service.js';
import type { ConformanceSubmission } from './conformance-submission.entity.js';
import { toCertificateView, toSubmissionView } from './conformance-views.js';
import type { DecisionDto, VerdictsDto, VersionOnlyDto } from './dto/submission.dto.js';
import { governingStandards } from './governing-standards.js';
import { SampleChecker } from './sample-checker.service.js';
import { SubmissionStore } from './submission-store.service.js';

/**
 * The review workflow: submit (MUST answers and samples checked, standard checks run,
 * snapshot frozen), claim, verdicts per item, decision (approval issues a certificate).
 */
@Injectable()
export class SubmissionReviewService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly store: SubmissionStore,
    private readonly checker: SampleChecker,
    private readonly issuer: CertificateIssuer,
  ) {}

  async submit(actor: Actor, id: string, dto: VersionOnlyDto) {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const s = await this.store.lock(m, actor, id, dto.version);
      this.store.assertEditable(s);
      const missing: { code: string }[] = await m.query(
        `SELECT code FROM submission_items
          WHERE submission_id = $1 AND level = 'MUST' AND self_assessment IS NULL ORDER BY position`,
        [id],
      );
      if (missing.length > 0) {
        const codes = missing.map((r) => r.code);
        throw ProblemException.badRequest(
          'must_unanswered',
          `Every MUST requirement needs a self-assessment; missing: ${codes.join(', ')}`,
          codes.map((c) => ({
            field: `items[${c}].selfAssessment`,
            message: 'MUST requirement not answered',
          })),
        );
      }
      const standards = await governingStandards(m, s.serviceId);
      const [{ with_samples }]: [{ with_samples: string[] }] = await m.query(
        `SELECT coalesce(array_agg(DISTINCT standard_id), '{}') AS with_samples
           FROM submission_samples WHERE submission_id = $1`,
        [id],
      );
      const unsampled = standards.filter((g) => g.hasSchema && !with_samples.includes(g.id));
      if (unsampled.length > 0) {
        throw ProblemException.badRequest(
          'samples_missing',
          `Each testable standard needs at least one sample payload; missing: ${unsampled.map((g) => g.code).join(', ')}`,
          unsampled.map((g) => ({ field: `samples[${g.code}]`, message: 'no sample payload' })),
        );
      }
      const checks = await this.checker.checkAll(m, id, standards);
      const before = toSubmissionView(s);
      const from = s.status;
      Object.assign(s, {
        status: 'submitted',
        result: null,
        round: s.round + 1,
        submittedAt: new Date(),
        decisionReason: null,
        overrideReason: null,
        decidedAt: null,
      });
      const saved = await m.save(s);
      await this.freeze(m, saved);
      const after = toSubmissionView(saved);
      await this.store.addHistory(m, actor, id, {
        event: from === 'draft' ? 'submitted' : 'resubmitted',
        fromStatus: from,
        toStatus: 'submitted',
        details: { round: saved.round, checks },
      });
      await this.audit.record(m, actor, {
        action: 'submission.submitted',
        entityType: 'conformance_submission',
        entityId: id,
        before,
        after: { ...after, checks },
      });
      return { ...after, checks };
    });
  }

  async claim(actor: Actor, id: string, dto: VersionOnlyDto) {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const s = await this.store.lock(m, actor, id, dto.version);
      this.store.assertStatus(s, 'submitted', 'not_submitted');
      const before = toSubmissionView(s);
      Object.assign(s, { status: 'in_review', reviewerUserId: actor.userId });
      const after = toSubmissionView(await m.save(s));
      await this.store.addHistory(m, actor, id, {
        event: 'claimed',
        fromStatus: 'submitted',
        toStatus: 'in_review',
      });
      await this.audit.record(m, actor, {
        action: 'submission.claimed',
        entityType: 'conformance_submission',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  async verdicts(actor: Actor, id: string, dto: VerdictsDto) {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const s = await this.store.lock(m, actor, id, dto.version);
      this.store.assertStatus(s, 'in_review', 'not_in_review');
      const items = dto.items ?? [];
      const samples = dto.samples ?? [];
      if (items.length + samples.length === 0) {
        throw ProblemException.invalidFields([
          { field: 'items', message: 'give at least one item or sample verdict' },
        ]);
      }
      const [itemRows]: [{ code: string }[]] = items.length
        ? await m.query(
            `UPDATE submission_items i SET verdict = e->>'verdict', reviewer_comment = e->>'comment'
               FROM jsonb_array_elements($2::jsonb) e
              WHERE i.submission_id = $1 AND i.code = e->>'code' RETURNING i.code`,
            [id, JSON.stringify(items)],
          )
        : [[]];
      const [sampleRows]: [{ id: string }[]] = samples.length
        ? await m.query(
            `UPDATE submission_samples s SET verdict = e->>'verdict', reviewer_comment = e->>'comment'
               FROM jsonb_array_elements($2::jsonb) e
              WHERE s.submission_id = $1 AND s.id = (e->>'id')::uuid RETURNING s.id`,
            [id, JSON.stringify(samples)],
          )
        : [[]];
      const unknown = [
        ...items
          .filter((i) => !itemRows.some((r) => r.code === i.code))
          .map((i) => `items[${i.code}]`),
        ...samples
          .filter((x) => !sampleRows.some((r) => r.id === x.id))
          .map((x) => `samples[${x.id}]`),
      ];
      if (unknown.length > 0) {
        throw ProblemException.badRequest(
          'unknown_items',
          `Not part of this submission: ${unknown.join(', ')}`,
          unknown.map((field) => ({ field, message: 'not part of this submission' })),
        );
      }
      const saved = await this.store.touch(m, s);
      await this.store.addHistory(m, actor, id, {
        event: 'verdicts',
        details: { items: items.length, samples: samples.length },
      });
      await this.audit.record(m, actor, {
        action: 'submission.verdicts_recorded',
        entityType: 'conformance_submission',
        entityId: id,
        after: { items, samples },
      });
      return toSubmissionView(saved);
    });
  }

  async decide(actor: Actor, id: string, dto: DecisionDto) {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const s = await this.store.lock(m, actor, id, dto.version);
      this.store.assertStatus(s, 'in_review', 'not_in_review');
      const [{ failed }]: [{ failed: number }] = await m.query(
        `SELECT count(*)::int AS failed FROM submission_samples
          WHERE submission_id = $1 AND check_status = 'failed'`,
        [id],
      );
      if (dto.result === 'approved' && failed > 0 && !dto.overrideReason?.trim()) {
        throw ProblemException.conflict(
          'failing_standard_checks',
          `${failed} sample payload(s) failed their standard check; approve only with an overrideReason`,
          { failedChecks: failed },
        );
      }
      const now = new Date();
      const before = toSubmissionView(s);
      Object.assign(s, {
        status: 'decided',
        result: dto.result,
        decisionReason: dto.reason.trim(),
        overrideReason: dto.result === 'approved' && failed > 0 ? dto.overrideReason!.trim() : null,
        decidedAt: now,
        reviewerUserId: s.reviewerUserId ?? actor.userId,
      });
      const saved = await m.save(s);
      const certificate = dto.result === 'approved' ? await this.issuer.issue(m, saved, now) : null;
      const after = toSubmissionView(saved);
      await this.store.addHistory(m, actor, id, {
        event: 'decided',
        fromStatus: 'in_review',
        toStatus: 'decided',
        result: dto.result,
        note: dto.reason,
        details: {
          certificateId: certificate?.id ?? null,
          overrideReason: saved.overrideReason,
          failedChecks: failed,
        },
      });
      const product = await m.findOneByOrFail(Product, { id: s.productId });
      tx.publish('submission.decided', {
        submissionId: id,
        productId: s.productId,
        productName: product.name,
        supplierId: s.supplierId,
        serviceId: s.serviceId,
        requirementSetId: s.requirementSetId,
        result: dto.result,
        reason: dto.reason,
        certificateId: certificate?.id ?? null,
      });
      const certificateView = certificate ? toCertificateView(certificate) : null;
      await this.audit.record(m, actor, {
        action: `submission.${dto.result}`,
        entityType: 'conformance_submission',
        entityId: id,
        before,
        after: { ...after, certificate: certificateView },
      });
      return { ...after, certificate: certificateView };
    });
  }

  /** Freezes items and samples as submitted, in one statement. */
  private async freeze(m: EntityManager, s: ConformanceSubmission): Promise<void> {
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
      [s.id],
    );
  }
}
