import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { Actor } from '../auth/actor.js';
import { auditDiff } from '../audit/audit-diff.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { assertCanChange, assertCanSee } from './risk-access.js';
import { RiskHistory } from './risk-history.entity.js';
import { OPEN_STATUSES, type RiskStatus } from './risk-lifecycle.js';
import { RiskScore, type ScoreSource } from './risk-score.entity.js';
import { Risk } from './risk.entity.js';

/**
 * The next reference (R-0001 … R-9999, then R-10000 …) from `risk_reference_seq`, which
 * never hands a number out twice; a rolled-back insert leaves a gap, never a reuse.
 */
export const NEXT_RISK_REFERENCE_SQL = 'next_risk_reference()';

export interface HistoryEntry {
  event: string;
  fromStatus?: RiskStatus | null;
  toStatus?: RiskStatus | null;
  note?: string | null;
  before?: object | null;
  after?: object | null;
}

/**
 * Loading and writing register entries for the use-case services: visibility and
 * ownership checks (404), row locks with the optimistic version check (409), reference
 * numbers, and the entry's own history and score rows.
 */
@Injectable()
export class RiskStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findVisible(actor: Actor, id: string): Promise<Risk> {
    const risk = await this.db.getRepository(Risk).findOneBy({ id });
    assertCanSee(actor, risk, id);
    return risk;
  }

  /**
   * Locks the entry for this transaction and checks the caller may change it and read
   * the current `version` (when given). A second writer holding the same version waits
   * for the lock, then finds the version moved on: exactly one of them wins.
   */
  async lockForChange(m: EntityManager, actor: Actor, id: string, version?: number): Promise<Risk> {
    const risk = await m.findOne(Risk, { where: { id }, lock: { mode: 'pessimistic_write' } });
    assertCanChange(actor, risk, id);
    if (version !== undefined && version !== risk.version) {
      throw ProblemException.staleVersion('Risk', risk.version);
    }
    return risk;
  }

  assertOpen(risk: Risk): void {
    if (!OPEN_STATUSES.includes(risk.status)) {
      throw ProblemException.conflict(
        'risk_not_open',
        `${risk.reference} is ${risk.status}; reopen it first`,
        { riskStatus: risk.status },
      );
    }
  }

  async insert(m: EntityManager, values: QueryDeepPartialEntity<Risk>): Promise<Risk> {
    const result = await m
      .createQueryBuilder()
      .insert()
      .into(Risk)
      .values({ ...values, reference: () => NEXT_RISK_REFERENCE_SQL })
      .returning('id')
      .execute();
    return m.findOneByOrFail(Risk, { id: (result.raw as { id: string }[])[0].id });
  }

  async addHistory(m: EntityManager, actor: Actor, riskId: string, e: HistoryEntry): Promise<void> {
    await m.insert(RiskHistory, {
      riskId,
      event: e.event,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      note: e.note ?? null,
      changes: auditDiff(e.before ?? null, e.after ?? null),
      actorUserId: actor.userId,
      actorLabel: actor.label,
    });
  }

  async addScore(m: EntityManager, actor: Actor, r: Risk, source: ScoreSource): Promise<void> {
    await m.insert(RiskScore, {
      riskId: r.id,
      source,
      inherentLikelihood: r.inherentLikelihood,
      inherentImpact: r.inherentImpact,
      inherentScore: r.inherentScore,
      residualLikelihood: r.residualLikelihood,
      residualImpact: r.residualImpact,
      residualScore: r.residualScore,
      actorUserId: actor.userId,
      actorLabel: actor.label,
    });
  }
}
