import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { CertificateIssuer } from './certificate-issuer.service.js';
import { toCertificateView, toSubmissionView } from './conformance-views.js';
import type { DecisionDto, VerdictsDto, VersionOnlyDto } from './dto/submission.dto.js';
import { SampleChecker } from './sample-checker.service.js';
import { SubmissionItemsRepository } from './submission-items.repository.js';
import { SubmissionSamplesRepository } from './submission-samples.repository.js';
import { SubmissionStore } from './submission-store.service.js';
import { SubmissionsRepository } from './submissions.repository.js';

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
    private readonly submissions: SubmissionsRepository,
    private readonly itemRows: SubmissionItemsRepository,
    private readonly samples: SubmissionSamplesRepository,
    private readonly checker: SampleChecker,
    private readonly issuer: CertificateIssuer,
  ) {}

  async submit(actor: Actor, id: string, dto: VersionOnlyDto) {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const s = await this.store.lock(m, actor, id, dto.version);
      this.store.assertEditable(s);
      const codes = await this.itemRows.mustUnanswered(m, id);
      if (codes.length > 0) {
        throw ProblemException.badRequest(
          'must_unanswered',
          `Every MUST requirement needs a self-assessment; missing: ${codes.join(', ')}`,
          codes.map((c) => ({
            field: `items[${c}].selfAssessment`,
            message: 'MUST requirement not answered',
          })),
        );
      }
      const standards = await this.samples.governingStandards(s.serviceId, m);
      const with_samples = await this.samples.sampledStandardIds(m, id);
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
      const saved = await this.submissions.persist(m, s);
      await this.submissions.freeze(m, saved.id);
      const after = toSubmissionView(saved);
      await this.submissions.addHistory(m, actor, id, {
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
      const after = toSubmissionView(await this.submissions.persist(m, s));
      await this.submissions.addHistory(m, actor, id, {
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
      const itemCodes = items.length ? await this.itemRows.recordVerdicts(m, id, items) : [];
      const sampleIds = samples.length ? await this.samples.recordVerdicts(m, id, samples) : [];
      const unknown = [
        ...items.filter((i) => !itemCodes.includes(i.code)).map((i) => `items[${i.code}]`),
        ...samples.filter((x) => !sampleIds.includes(x.id)).map((x) => `samples[${x.id}]`),
      ];
      if (unknown.length > 0) {
        throw ProblemException.badRequest(
          'unknown_items',
          `Not part of this submission: ${unknown.join(', ')}`,
          unknown.map((field) => ({ field, message: 'not part of this submission' })),
        );
      }
      const saved = await this.store.touch(m, s);
      await this.submissions.addHistory(m, actor, id, {
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
      const failed = await this.samples.countFailed(m, id);
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
      const saved = await this.submissions.persist(m, s);
      const certificate = dto.result === 'approved' ? await this.issuer.issue(m, saved, now) : null;
      const after = toSubmissionView(saved);
      await this.submissions.addHistory(m, actor, id, {
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
      const product = await this.submissions.findProduct(m, s.productId);
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
}
