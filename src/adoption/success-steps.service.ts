import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type {
  CreateSuccessStepDto,
  MarkStepDto,
  UpdateSuccessStepDto,
} from './dto/success-step.dto.js';
import { stageRank } from './adoption-lifecycle.js';
import { AdoptionStore } from './adoption-store.service.js';
import { toStepView } from './adoption-views.js';
import type { SuccessStep } from './success-step.entity.js';
import { SuccessStepsRepository } from './success-steps.repository.js';

const EDITABLE = ['title', 'description', 'mandatory', 'position', 'active'] as const;

/**
 * Steps to success: the programme office defines a checklist per service and stage;
 * councils tick steps off per adoption. The stage-move rule lives in AdoptionRules.
 */
@Injectable()
export class SuccessStepsService {
  constructor(
    private readonly steps: SuccessStepsRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly store: AdoptionStore,
  ) {}

  async listForService(serviceId: string) {
    const rows = await this.steps.forService(serviceId);
    return { data: sortSteps(rows).map(toStepView) };
  }

  async create(actor: Actor, dto: CreateSuccessStepDto) {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const service = await this.steps.service(m, dto.serviceId);
      if (!service) {
        throw ProblemException.unprocessable('unknown_service', `No service ${dto.serviceId}`);
      }
      if (service.delivery_model !== 'council_delivered') {
        throw ProblemException.unprocessable(
          'not_council_delivered',
          `${service.code} is not delivered by councils; it has no adoptions to check off`,
        );
      }
      const clash = await this.steps.findOneBy(m, {
        serviceId: dto.serviceId,
        stage: dto.stage,
        title: dto.title,
      });
      if (clash) {
        throw ProblemException.conflict(
          'duplicate_step',
          `${service.code} already has the step "${dto.title}" at ${dto.stage}`,
          { stepId: clash.id },
        );
      }
      const step = await this.steps.create(m, {
        serviceId: dto.serviceId,
        stage: dto.stage,
        title: dto.title,
        description: dto.description ?? '',
        mandatory: dto.mandatory ?? true,
        position: dto.position ?? 0,
      });
      const view = toStepView(step);
      await this.audit.record(m, actor, {
        action: 'success_step.created',
        entityType: 'success_step',
        entityId: step.id,
        after: view,
      });
      return view;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateSuccessStepDto) {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const step = await this.steps.lockForChange(m, id);
      if (!step) throw ProblemException.notFound('Step', id);
      if (step.version !== dto.version) throw ProblemException.staleVersion('Step', step.version);
      const before = toStepView(step);
      for (const key of EDITABLE) {
        if (dto[key] !== undefined) Object.assign(step, { [key]: dto[key] });
      }
      const after = toStepView(await this.steps.update(m, step));
      await this.audit.record(m, actor, {
        action: 'success_step.updated',
        entityType: 'success_step',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  /** The adoption's checklist: its service's steps (active ones, and any done) with completion. */
  async checklist(actor: Actor, adoptionId: string) {
    const a = await this.store.findVisibleRow(actor, adoptionId);
    const rows = await this.steps.completions(a.service_id, adoptionId);
    const done = new Map(rows.map((r) => [r.id, r]));
    const steps = await this.steps.byIds(rows.map((r) => r.id));
    return {
      adoptionId,
      stage: a.stage,
      data: sortSteps(steps).map((s) => {
        const d = done.get(s.id)!;
        return {
          ...toStepView(s),
          done: d.completed_at !== null,
          completedAt: d.completed_at,
          completedBy: d.completed_by_label,
          note: d.note,
        };
      }),
    };
  }

  async mark(actor: Actor, adoptionId: string, stepId: string, dto: MarkStepDto) {
    await this.uow.run(async (tx) => {
      const m = tx.manager;
      const a = await this.store.lockForChange(m, actor, adoptionId);
      const step = await this.steps.findOneBy(m, { id: stepId, serviceId: a.serviceId });
      if (!step) throw ProblemException.notFound('Step', stepId);
      const existing = await this.steps.findDone(m, adoptionId, stepId);
      if (dto.done && !existing) {
        await this.steps.markDone(m, {
          adoptionId,
          stepId,
          note: dto.note ?? null,
          completedByUserId: actor.userId,
          completedByLabel: actor.label,
        });
      } else if (!dto.done && existing) {
        await this.steps.reopen(m, adoptionId, stepId);
      }
      const event = dto.done ? 'step_completed' : 'step_reopened';
      await this.store.addHistory(m, actor, adoptionId, {
        event,
        note: `${step.title} (${step.stage})${dto.note ? `: ${dto.note}` : ''}`,
      });
      await this.audit.record(m, actor, {
        action: `adoption.${event}`,
        entityType: 'adoption',
        entityId: adoptionId,
        before: { step: step.title, done: Boolean(existing) },
        after: { step: step.title, done: dto.done },
      });
    });
    return this.checklist(actor, adoptionId);
  }
}

const sortSteps = (steps: SuccessStep[]) =>
  [...steps].sort(
    (x, y) =>
      stageRank(x.stage) - stageRank(y.stage) ||
      x.position - y.position ||
      x.title.localeCompare(y.title),
  );
