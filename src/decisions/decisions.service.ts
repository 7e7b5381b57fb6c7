import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { assertTransition } from '../common/lifecycle/assert-transition.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { DECISION_TRANSITIONS, type DecisionStatus } from './decision-lifecycle.js';
import { resolveDecisionLinks } from './decision-references.js';
import { Decision } from './decision.entity.js';
import { type DecisionLabels, DecisionsRepository } from './decisions.repository.js';
import type { CreateDecisionDto } from './dto/create-decision.dto.js';
import type { DecisionQueryDto } from './dto/decision-query.dto.js';
import type { DecisionViewDto } from './dto/decision-view.dto.js';
import type { UpdateDecisionDto } from './dto/update-decision.dto.js';

const dedupe = (xs: string[] | undefined): string[] | undefined => xs && [...new Set(xs)];

/**
 * The decision log: the programme office records decisions as proposed, edits them until
 * they are accepted, then only moves their status. Accepting a decision that supersedes
 * another marks the old one superseded and links it back, in the same transaction.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly store: DecisionsRepository,
  ) {}

  async list(actor: Actor, q: DecisionQueryDto): Promise<Page<DecisionViewDto>> {
    const { rows, total } = await this.store.views(
      actor,
      (p) => {
        const where: string[] = [];
        let rank: string | undefined;
        if (q.q) {
          const query = `websearch_to_tsquery('english', ${p.add(q.q)})`;
          where.push(`d.search_vector @@ ${query}`);
          rank = `ts_rank(d.search_vector, ${query})`;
        }
        if (q.status) where.push(`d.status = ${p.add(q.status)}`);
        if (q.serviceId) where.push(`d.service_ids @> ARRAY[${p.add(q.serviceId)}]::uuid[]`);
        return { where, rank };
      },
      { limit: q.limit, offset: q.offset },
    );
    return toPage(rows, total, q);
  }

  get(actor: Actor, id: string): Promise<DecisionViewDto> {
    return this.store.findVisible(actor, id);
  }

  /** The names behind a decision's links (for its page), as the actor may see them. */
  labels(actor: Actor, decision: DecisionViewDto): Promise<DecisionLabels> {
    return this.store.labels(actor, decision);
  }

  async create(actor: Actor, dto: CreateDecisionDto): Promise<DecisionViewDto> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const links = resolveDecisionLinks(await this.store.linkChecks(m, dto), dto);
      if (dto.supersedesId) await this.assertSupersedable(m, dto.supersedesId);
      const saved = await this.store.persist(
        m,
        Object.assign(new Decision(), {
          title: dto.title,
          context: dto.context ?? '',
          options: this.options(dto.options) ?? [],
          outcome: dto.outcome ?? '',
          rationale: dto.rationale ?? '',
          consequences: dto.consequences ?? '',
          supersedesId: dto.supersedesId ?? null,
          decidedByMeetingId: dto.decidedByMeetingId ?? null,
          decidedByPeople: dto.decidedByPeople ?? [],
          consultedOrganisationIds: dedupe(dto.consultedOrganisationIds) ?? [],
          informedOrganisationIds: dedupe(dto.informedOrganisationIds) ?? [],
          publicToProgramme: dto.publicToProgramme ?? false,
          decidedOn: dto.decidedOn ?? null,
          reviewDate: dto.reviewDate ?? null,
          riskIds: dedupe(dto.riskIds) ?? [],
          requirementIds: links.requirementIds ?? [],
          serviceIds: dedupe(dto.serviceIds) ?? [],
          standardIds: dedupe(dto.standardIds) ?? [],
          localVarianceIds: dedupe(dto.localVarianceIds) ?? [],
          productIds: dedupe(dto.productIds) ?? [],
        }),
      );
      const view = await this.store.findVisible(actor, saved.id, m);
      await this.audit.record(m, actor, {
        action: 'decision.recorded',
        entityType: 'decision',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  /** Changes a proposed decision; an accepted (or later) one is 409 decision_immutable. */
  async update(actor: Actor, id: string, dto: UpdateDecisionDto): Promise<DecisionViewDto> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const decision = await this.lock(m, id, dto.version);
      if (decision.status !== 'proposed') {
        throw ProblemException.conflict(
          'decision_immutable',
          `Decision is ${decision.status}: only its status may change; record a new decision that supersedes it`,
        );
      }
      const before = await this.store.findVisible(actor, id, m);
      const links = resolveDecisionLinks(await this.store.linkChecks(m, dto), dto);
      const { version: _v, requirements: _r, options, ...rest } = dto;
      const changes: Partial<Decision> = {
        ...rest,
        ...(options ? { options: this.options(options) } : {}),
        ...(links.requirementIds ? { requirementIds: links.requirementIds } : {}),
      };
      for (const key of [
        'consultedOrganisationIds',
        'informedOrganisationIds',
        'riskIds',
        'serviceIds',
        'standardIds',
        'localVarianceIds',
        'productIds',
      ] as const) {
        if (changes[key]) changes[key] = dedupe(changes[key]);
      }
      for (const [k, v] of Object.entries(changes)) {
        if (v !== undefined) Object.assign(decision, { [k]: v });
      }
      await this.store.persist(m, decision);
      const after = await this.store.findVisible(actor, id, m);
      await this.audit.record(m, actor, {
        action: 'decision.updated',
        entityType: 'decision',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  /**
   * Accepts a proposed decision. If it supersedes another, that one must still be accepted:
   * it becomes superseded and links back to this one (one audit event covers both).
   */
  async accept(actor: Actor, id: string, version?: number): Promise<DecisionViewDto> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const decision = await this.lock(m, id, version);
      assertTransition(DECISION_TRANSITIONS, decision.status, 'accepted', 'decision');
      let superseded: string | null = null;
      if (decision.supersedesId) {
        const old = await this.lock(m, decision.supersedesId);
        assertTransition(DECISION_TRANSITIONS, old.status, 'superseded', 'the superseded decision');
        await this.store.change(m, old.id, {
          status: 'superseded',
          supersededById: id,
          version: old.version + 1,
        });
        superseded = old.id;
      }
      await this.move(m, decision, 'accepted');
      const after = await this.store.findVisible(actor, id, m);
      await this.audit.record(m, actor, {
        action: 'decision.accepted',
        entityType: 'decision',
        entityId: id,
        before: { status: decision.status, supersedes: null },
        after: { status: 'accepted', supersedes: superseded },
      });
      return after;
    });
  }

  async revoke(actor: Actor, id: string, reason: string, version?: number) {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const decision = await this.lock(m, id, version);
      assertTransition(DECISION_TRANSITIONS, decision.status, 'revoked', 'decision');
      await this.move(m, decision, 'revoked', { revocationReason: reason });
      const after = await this.store.findVisible(actor, id, m);
      await this.audit.record(m, actor, {
        action: 'decision.revoked',
        entityType: 'decision',
        entityId: id,
        before: { status: decision.status, revocationReason: null },
        after: { status: 'revoked', revocationReason: reason },
      });
      return after;
    });
  }

  private async move(
    m: EntityManager,
    d: Decision,
    status: DecisionStatus,
    extra: Partial<Decision> = {},
  ): Promise<void> {
    await this.store.change(m, d.id, { status, ...extra, version: d.version + 1 });
  }

  private options(options: CreateDecisionDto['options']) {
    return options?.map((o) => ({
      title: o.title,
      description: o.description ?? '',
      pros: o.pros ?? [],
      cons: o.cons ?? [],
    }));
  }

  /** Only an accepted decision that nothing has superseded yet may be named (409 otherwise). */
  private async assertSupersedable(m: EntityManager, id: string): Promise<void> {
    const old = await this.store.find(m, id);
    if (!old) {
      throw ProblemException.invalidFields([
        { field: 'supersedesId', message: 'supersedesId is not a known decision' },
      ]);
    }
    if (old.status !== 'accepted') {
      throw ProblemException.unprocessable(
        'not_supersedable',
        `Only an accepted decision can be superseded; this one is ${old.status}`,
      );
    }
  }

  private async lock(m: EntityManager, id: string, version?: number): Promise<Decision> {
    const d = await this.store.lockForChange(m, id);
    if (!d) throw ProblemException.notFound('Decision', id);
    if (version !== undefined && version !== d.version) {
      throw ProblemException.staleVersion('Decision', d.version);
    }
    return d;
  }
}
