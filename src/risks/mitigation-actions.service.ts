import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type {
  CreateMitigationActionDto,
  UpdateMitigationActionDto,
} from './dto/mitigation-action.dto.js';
import { MitigationActionsRepository } from './mitigation-actions.repository.js';
import { RiskAssignment } from './risk-assignment.service.js';
import { RiskStore } from './risk-store.service.js';
import { type ActionView, toActionView, utcToday } from './risk-views.js';
import { RisksRepository } from './risks.repository.js';

/** Mitigation actions of an entry: who does what by when, and how far they have got. */
@Injectable()
export class MitigationActionsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly store: RiskStore,
    private readonly risks: RisksRepository,
    private readonly actions: MitigationActionsRepository,
    private readonly assignment: RiskAssignment,
  ) {}

  async list(actor: Actor, riskId: string): Promise<{ data: ActionView[] }> {
    await this.store.findVisible(actor, riskId);
    const rows = await this.actions.listOfRisk(riskId);
    const today = utcToday();
    return { data: rows.map((a) => toActionView(a, today)) };
  }

  async create(actor: Actor, riskId: string, dto: CreateMitigationActionDto): Promise<ActionView> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const risk = await this.store.lockForChange(m, actor, riskId);
      this.store.assertOpen(risk);
      await this.assignment.actionOwner(m, actor, dto.ownerUserId);
      const status = dto.status ?? 'open';
      const saved = await this.actions.create(m, {
        riskId,
        title: dto.title,
        ownerUserId: dto.ownerUserId ?? null,
        dueDate: dto.dueDate,
        status,
        completedAt: status === 'done' ? new Date() : null,
      });
      const view = toActionView(saved, utcToday());
      await this.risks.addHistory(m, actor, riskId, {
        event: 'action_added',
        note: dto.title,
        after: { title: view.title, ownerUserId: view.ownerUserId, dueDate: view.dueDate, status },
      });
      await this.audit.record(m, actor, {
        action: 'risk_action.created',
        entityType: 'mitigation_action',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  async update(
    actor: Actor,
    riskId: string,
    id: string,
    dto: UpdateMitigationActionDto,
  ): Promise<ActionView> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const risk = await this.store.lockForChange(m, actor, riskId);
      const action = await this.actions.lockForChange(m, riskId, id);
      if (!action) throw ProblemException.notFound('Mitigation action', id);
      if (dto.version !== undefined && dto.version !== action.version) {
        throw ProblemException.staleVersion('Mitigation action', action.version);
      }
      this.store.assertOpen(risk);
      if (dto.ownerUserId !== undefined)
        await this.assignment.actionOwner(m, actor, dto.ownerUserId);
      const today = utcToday();
      const before = toActionView(action, today);
      const { version: _version, ...changes } = dto;
      Object.assign(action, changes);
      if (dto.status)
        action.completedAt = dto.status === 'done' ? (action.completedAt ?? new Date()) : null;
      if (dto.dueDate) action.overdueNotifiedOn = null;
      const after = toActionView(await this.actions.persist(m, action), today);
      await this.risks.addHistory(m, actor, riskId, {
        event: 'action_updated',
        note: action.title,
        before,
        after,
      });
      await this.audit.record(m, actor, {
        action: 'risk_action.updated',
        entityType: 'mitigation_action',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }
}
