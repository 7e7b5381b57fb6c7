import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { assertCanChangeProduct } from '../products/product-access.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
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
import { SampleChecker } from './sample-checker.service.js';
import { SubmissionItemsRepository } from './submission-items.repository.js';
import { isOpen } from './submission-lifecycle.js';
import { SubmissionSamplesRepository } from './submission-samples.repository.js';
import { SubmissionStore } from './submission-store.service.js';
import { SubmissionsRepository } from './submissions.repository.js';

/**
 * Creating submissions (items from the requirement set in one INSERT … SELECT, answers
 * copied forward from the last approved submission for unchanged requirements), reading
 * them, and answering items in bulk.
 */
@Injectable()
export class SubmissionsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly store: SubmissionStore,
    private readonly submissions: SubmissionsRepository,
    private readonly itemRows: SubmissionItemsRepository,
    private readonly samples: SubmissionSamplesRepository,
    private readonly checker: SampleChecker,
  ) {}

  async list(actor: Actor, q: SubmissionQueryDto): Promise<Page<SubmissionView>> {
    const [rows, total] = await this.submissions.list(actor, q);
    return toPage(rows.map(toSubmissionView), total, q);
  }

  async get(actor: Actor, id: string) {
    const s = await this.store.findVisible(actor, id);
    const progress = await this.submissions.progress(id);
    return { ...toSubmissionView(s), progress };
  }

  /** The snapshot frozen at the last submit (404 before the first). */
  async snapshot(actor: Actor, id: string) {
    await this.store.findVisible(actor, id);
    const snapshot = await this.submissions.snapshot(id);
    if (!snapshot) throw ProblemException.notFound('Snapshot of submission', id);
    return snapshot;
  }

  async items(actor: Actor, id: string) {
    await this.store.findVisible(actor, id);
    const rows = await this.itemRows.listOfSubmission(id);
    return { data: rows };
  }

  async history(actor: Actor, id: string) {
    await this.store.findVisible(actor, id);
    const rows = await this.submissions.history(id);
    return { data: rows.map(toSubmissionHistoryView) };
  }

  async create(actor: Actor, dto: CreateSubmissionDto): Promise<SubmissionView> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const product = await this.submissions.lockProduct(m, dto.productId);
      assertCanChangeProduct(actor, product, dto.productId);
      if (!(await this.submissions.claimsService(m, product.id, dto.serviceId))) {
        throw ProblemException.unprocessable(
          'service_not_claimed',
          'The product does not claim to deliver this service; add it to the product first',
        );
      }
      const setId = await this.submissions.publishedSetId(m, dto.serviceId);
      if (!setId) {
        throw ProblemException.unprocessable(
          'no_published_requirements',
          'The service has no published requirement set to assess against',
        );
      }
      const previous = await this.submissions.previousOf(m, product.id, dto.serviceId);
      const open = previous.find(isOpen);
      if (open) {
        throw ProblemException.conflict(
          'submission_open',
          `The product already has an open submission for this service (${open.id})`,
          { submissionId: open.id },
        );
      }
      const approved = previous.find((s) => s.result === 'approved') ?? null;
      const created = await this.submissions.create(m, {
        productId: product.id,
        supplierId: product.supplierId,
        serviceId: dto.serviceId,
        requirementSetId: setId,
        status: 'draft',
        copiedFromId: approved?.id ?? null,
      });
      const { items, copied } = await this.itemRows.createFromSet(
        m,
        created.id,
        setId,
        approved?.id ?? null,
      );
      // Samples of the approved submission come along for standards still governing the
      // service, checked again against the schema as it is now.
      const governing = await this.samples.governingStandards(dto.serviceId, m);
      const samples = await this.samples.copy(
        m,
        approved?.id ?? null,
        created.id,
        governing.map((g) => g.id),
      );
      if (samples > 0) await this.checker.checkAll(m, created.id, governing);
      created.copiedItems = copied;
      const saved = await this.submissions.persist(m, created);
      const view = toSubmissionView(saved);
      await this.submissions.addHistory(m, actor, saved.id, {
        event: 'created',
        toStatus: 'draft',
        details: {
          items,
          copiedForward: copied,
          copiedSamples: samples,
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
      const found = new Set(await this.itemRows.answer(m, id, dto.items));
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
      await this.submissions.addHistory(m, actor, id, { event: 'answered', details: { codes } });
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
