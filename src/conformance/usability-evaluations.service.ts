import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Actor, isProgrammeStaff } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { canSeeProduct } from '../products/product-access.js';
import type { Product } from '../products/product.entity.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { type EvaluationView, toEvaluationView } from './conformance-views.js';
import type {
  CreateEvaluationDto,
  EvaluationQueryDto,
  EvaluationReplyDto,
  UpdateEvaluationDto,
} from './dto/usability-evaluation.dto.js';
import type { VersionOnlyDto } from './dto/submission.dto.js';
import type { UsabilityEvaluation } from './usability-evaluation.entity.js';
import { UsabilityEvaluationsRepository } from './usability-evaluations.repository.js';

const EDITABLE = [
  'susScore',
  'taskCompletionPercent',
  'wcagLevel',
  'evaluatedOn',
  'reportUrl',
  'evaluator',
  'summary',
] as const;

/**
 * Who sees an evaluation: programme staff all; the product's supplier its own (drafts too,
 * so it can reply before publication); councils and agencies published ones of products
 * they can see.
 */
const canSeeEvaluation = (actor: Actor, e: UsabilityEvaluation, product: Product) =>
  isProgrammeStaff(actor) ||
  (actor.role === 'supplier'
    ? e.supplierId === actor.organisationId
    : e.status === 'published' && canSeeProduct(actor, product));

/** Independent usability evaluations: recorded and published by the office, replied to by suppliers. */
@Injectable()
export class UsabilityEvaluationsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly evaluations: UsabilityEvaluationsRepository,
  ) {}

  async list(actor: Actor, q: EvaluationQueryDto): Promise<Page<EvaluationView>> {
    const [rows, total] = await this.evaluations.list(actor, q);
    return toPage(rows.map(toEvaluationView), total, q);
  }

  async get(actor: Actor, id: string): Promise<EvaluationView> {
    const e = await this.evaluations.findWithProduct(id);
    if (!e || !canSeeEvaluation(actor, e, e.product)) {
      throw ProblemException.notFound('Usability evaluation', id);
    }
    return toEvaluationView(e);
  }

  async create(actor: Actor, dto: CreateEvaluationDto): Promise<EvaluationView> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const product = await this.evaluations.findProduct(m, dto.productId);
      if (!product) {
        throw ProblemException.unprocessable('unknown_product', `No product ${dto.productId}`);
      }
      const saved = await this.evaluations.create(m, {
        productId: product.id,
        supplierId: product.supplierId,
        susScore: dto.susScore,
        taskCompletionPercent: dto.taskCompletionPercent,
        wcagLevel: dto.wcagLevel,
        evaluatedOn: dto.evaluatedOn,
        reportUrl: dto.reportUrl,
        evaluator: dto.evaluator ?? '',
        summary: dto.summary ?? '',
        status: 'draft',
      });
      const view = toEvaluationView(saved);
      await this.audit.record(m, actor, {
        action: 'usability_evaluation.created',
        entityType: 'usability_evaluation',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateEvaluationDto): Promise<EvaluationView> {
    return this.change(actor, id, dto.version, 'usability_evaluation.updated', (e) => {
      for (const key of EDITABLE) if (dto[key] !== undefined) Object.assign(e, { [key]: dto[key] });
    });
  }

  async publish(actor: Actor, id: string, dto: VersionOnlyDto): Promise<EvaluationView> {
    return this.change(actor, id, dto.version, 'usability_evaluation.published', (e) => {
      if (e.status === 'published') {
        throw ProblemException.conflict('already_published', 'The evaluation is already published');
      }
      Object.assign(e, { status: 'published', publishedAt: new Date() });
    });
  }

  /** The supplier's right of reply on its own product's evaluation. */
  async reply(actor: Actor, id: string, dto: EvaluationReplyDto): Promise<EvaluationView> {
    return this.change(actor, id, dto.version, 'usability_evaluation.replied', (e) => {
      if (actor.role === 'supplier' && e.supplierId !== actor.organisationId) {
        throw ProblemException.notFound('Usability evaluation', id);
      }
      Object.assign(e, { supplierReply: dto.reply.trim(), supplierRepliedAt: new Date() });
    });
  }

  private async change(
    actor: Actor,
    id: string,
    version: number,
    action: string,
    apply: (e: UsabilityEvaluation) => void,
  ): Promise<EvaluationView> {
    return this.uow.run(async (tx) => {
      const m: EntityManager = tx.manager;
      const e = await this.evaluations.lockForChange(m, id);
      if (!e || (actor.role === 'supplier' && e.supplierId !== actor.organisationId)) {
        throw ProblemException.notFound('Usability evaluation', id);
      }
      if (e.version !== version)
        throw ProblemException.staleVersion('Usability evaluation', e.version);
      const before = toEvaluationView(e);
      apply(e);
      const after = toEvaluationView(await this.evaluations.persist(m, e));
      await this.audit.record(m, actor, {
        action,
        entityType: 'usability_evaluation',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }
}
