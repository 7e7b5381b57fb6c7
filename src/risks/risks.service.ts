import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { CreateRiskDto } from './dto/create-risk.dto.js';
import type { RiskQueryDto } from './dto/risk-query.dto.js';
import type { UpdateRiskDto } from './dto/update-risk.dto.js';
import { RiskAssignment } from './risk-assignment.service.js';
import { RiskScoring } from './risk-scoring.service.js';
import { RiskStore } from './risk-store.service.js';
import { type RiskView, toHistoryView, toRiskView, toScoreView } from './risk-views.js';
import type { Risk } from './risk.entity.js';
import { RisksRepository } from './risks.repository.js';

const EDITABLE = ['title', 'description', 'category', 'treatment', 'escalationLevel'] as const;

/** Raising, reading, listing and editing register entries (lifecycle moves live apart). */
@Injectable()
export class RisksService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly store: RiskStore,
    private readonly risks: RisksRepository,
    private readonly assignment: RiskAssignment,
    private readonly scoring: RiskScoring,
  ) {}

  async list(actor: Actor, q: RiskQueryDto): Promise<Page<RiskView>> {
    const [rows, n] = await this.risks.page(
      actor,
      { ...q, limit: q.limit, offset: q.offset },
      this.scoring,
    );
    return toPage(
      rows.map((r) => toRiskView(r, this.scoring)),
      n,
      q,
    );
  }

  async get(actor: Actor, id: string): Promise<RiskView> {
    return toRiskView(await this.store.findVisible(actor, id), this.scoring);
  }

  async create(actor: Actor, dto: CreateRiskDto): Promise<RiskView> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const placement = await this.assignment.placement(m, actor, dto);
      const owner = await this.assignment.ownership(m, actor, dto);
      const score = RiskScoring.score(dto.likelihood, dto.impact);
      const risk = await this.risks.create(m, {
        kind: dto.kind,
        title: dto.title,
        description: dto.description ?? '',
        category: dto.category,
        ...placement,
        ...owner,
        raisedByUserId: actor.userId,
        raisedByOrganisationId: actor.organisationId,
        treatment: dto.treatment ?? 'reduce',
        status: 'identified',
        escalationLevel:
          dto.escalationLevel ?? (placement.scope === 'national' ? 'national' : 'local'),
        inherentLikelihood: dto.likelihood,
        inherentImpact: dto.impact,
        inherentScore: score,
        residualLikelihood: dto.likelihood,
        residualImpact: dto.impact,
        residualScore: score,
        nextReviewAt: this.scoring.nextReviewAt(score, new Date()),
      });
      const view = toRiskView(risk, this.scoring);
      await this.risks.addHistory(m, actor, risk.id, { event: 'created', toStatus: risk.status });
      await this.risks.addScore(m, actor, risk, 'created');
      await this.audit.record(m, actor, {
        action: 'risk.created',
        entityType: 'risk',
        entityId: risk.id,
        after: view,
      });
      return view;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateRiskDto): Promise<RiskView> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const risk = await this.store.lockForChange(m, actor, id, dto.version);
      this.store.assertOpen(risk);
      const before = toRiskView(risk, this.scoring);
      Object.assign(risk, await this.assignment.placement(m, actor, dto, risk));
      Object.assign(risk, await this.assignment.ownership(m, actor, dto, risk));
      for (const key of EDITABLE)
        if (dto[key] !== undefined) Object.assign(risk, { [key]: dto[key] });
      const scored = this.applyScores(risk, dto);
      const saved = await this.risks.persist(m, risk);
      const after = toRiskView(saved, this.scoring);
      await this.risks.addHistory(m, actor, id, { event: 'updated', before, after });
      if (scored) await this.risks.addScore(m, actor, saved, 'updated');
      await this.audit.record(m, actor, {
        action: 'risk.updated',
        entityType: 'risk',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  async history(actor: Actor, id: string) {
    await this.store.findVisible(actor, id);
    const rows = await this.risks.history(id);
    return { data: rows.map(toHistoryView) };
  }

  async scores(actor: Actor, id: string) {
    await this.store.findVisible(actor, id);
    const rows = await this.risks.scores(id);
    return { data: rows.map(toScoreView) };
  }

  /**
   * Applies changed likelihood/impact pairs; true when any moved. A worse RAG can pull the
   * next review forward (never back): last review (or creation) + the new RAG's cadence.
   */
  private applyScores(risk: Risk, dto: UpdateRiskDto): boolean {
    const pairs = (r: Risk) =>
      [r.inherentLikelihood, r.inherentImpact, r.residualLikelihood, r.residualImpact].join();
    const was = pairs(risk);
    risk.inherentLikelihood = dto.inherentLikelihood ?? risk.inherentLikelihood;
    risk.inherentImpact = dto.inherentImpact ?? risk.inherentImpact;
    risk.residualLikelihood = dto.likelihood ?? risk.residualLikelihood;
    risk.residualImpact = dto.impact ?? risk.residualImpact;
    if (pairs(risk) === was) return false;
    risk.inherentScore = RiskScoring.score(risk.inherentLikelihood, risk.inherentImpact);
    risk.residualScore = RiskScoring.score(risk.residualLikelihood, risk.residualImpact);
    const due = this.scoring.nextReviewAt(
      risk.residualScore,
      risk.lastReviewedAt ?? risk.createdAt,
    );
    if (due < risk.nextReviewAt) risk.nextReviewAt = due;
    return true;
  }
}
