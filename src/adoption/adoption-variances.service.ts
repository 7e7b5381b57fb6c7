import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { toPage } from '../common/pagination/page-query.dto.js';
import { todayIso } from '../common/validation/is-iso-date.decorator.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type {
  ProposeVarianceDto,
  VarianceQueryDto,
  VarianceTransitionDto,
} from './dto/variance.dto.js';
import { OFFICE_DECISIONS, VARIANCE_TRANSITIONS } from './adoption-lifecycle.js';
import { AdoptionStore } from './adoption-store.service.js';
import { toVarianceView, type VarianceView } from './adoption-views.js';
import { VariancesRepository } from './variances.repository.js';
import { assertTransition } from '../common/lifecycle/assert-transition.js';

/**
 * Local variances: a council proposes a deviation from a requirement of the service's
 * published baseline; the programme office approves or rejects it; the council may
 * withdraw it. Lists by adoption, by council and by requirement code.
 */
@Injectable()
export class AdoptionVariancesService {
  constructor(
    private readonly variances: VariancesRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly store: AdoptionStore,
  ) {}

  async list(actor: Actor, q: VarianceQueryDto, adoptionId?: string) {
    if (adoptionId) await this.store.findVisibleRow(actor, adoptionId);
    const all = await this.variances.page(actor, q, adoptionId);
    const rows = all.filter((r): r is (typeof all)[number] & { id: string } => r.id !== null);
    const byId = new Map((await this.variances.byIds(rows.map((r) => r.id))).map((v) => [v.id, v]));
    const today = todayIso();
    const data = rows.map((r) => ({
      ...toVarianceView(byId.get(r.id)!, today),
      council: { name: r.council_name, gssCode: r.gss_code },
      serviceCode: r.service_code,
    }));
    return toPage(data, all[0]?.total ?? 0, q);
  }

  async propose(actor: Actor, adoptionId: string, dto: ProposeVarianceDto): Promise<VarianceView> {
    const today = todayIso();
    if (dto.expiresOn <= today) {
      throw ProblemException.invalidFields([
        { field: 'expiresOn', message: 'must be after today' },
      ]);
    }
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const a = await this.store.lockForChange(m, actor, adoptionId);
      const req = await this.variances.publishedRequirement(m, a.serviceId, dto.requirementCode);
      if (!req) {
        throw ProblemException.unprocessable(
          'unknown_requirement',
          `${dto.requirementCode} is not a requirement of this service's published baseline`,
          { requirementCode: dto.requirementCode },
        );
      }
      const saved = await this.variances.create(m, {
        adoptionId,
        councilId: a.councilId,
        serviceId: a.serviceId,
        requirementCode: dto.requirementCode,
        description: dto.description,
        justification: dto.justification,
        expiresOn: dto.expiresOn,
        status: 'proposed',
        proposedByUserId: actor.userId,
      });
      const view = toVarianceView(saved, today);
      await this.store.addHistory(m, actor, adoptionId, {
        event: 'variance_proposed',
        note: `${dto.requirementCode}: ${dto.description}`,
      });
      await this.audit.record(m, actor, {
        action: 'variance.proposed',
        entityType: 'local_variance',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  async transition(
    actor: Actor,
    adoptionId: string,
    varianceId: string,
    dto: VarianceTransitionDto,
  ): Promise<VarianceView> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      await this.store.lockForChange(m, actor, adoptionId);
      const v = await this.variances.lockForChange(m, varianceId, adoptionId);
      if (!v) throw ProblemException.notFound('Variance', varianceId);
      if (v.version !== dto.version) throw ProblemException.staleVersion('Variance', v.version);
      assertTransition(VARIANCE_TRANSITIONS, v.status, dto.to, 'a variance');
      if (OFFICE_DECISIONS.includes(dto.to) && actor.role !== 'programme_admin') {
        throw new ProblemException(
          403,
          'decision_reserved',
          'Only the programme office approves or rejects a variance',
        );
      }
      if (dto.to === 'rejected' && !dto.reason?.trim()) {
        throw ProblemException.invalidFields([
          { field: 'reason', message: 'a reason is required to reject a variance' },
        ]);
      }
      const today = todayIso();
      const before = toVarianceView(v, today);
      const from = v.status;
      v.status = dto.to;
      if (OFFICE_DECISIONS.includes(dto.to)) {
        Object.assign(v, {
          decisionReason: dto.reason ?? null,
          decidedByUserId: actor.userId,
          decidedAt: new Date(),
        });
      }
      const after = toVarianceView(await this.variances.update(m, v), today);
      await this.store.addHistory(m, actor, adoptionId, {
        event: `variance_${dto.to}`,
        note: `${v.requirementCode}: ${from} → ${dto.to}${dto.reason ? ` (${dto.reason})` : ''}`,
      });
      await this.audit.record(m, actor, {
        action: `variance.${dto.to}`,
        entityType: 'local_variance',
        entityId: v.id,
        before,
        after,
      });
      return after;
    });
  }
}
