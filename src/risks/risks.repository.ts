import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { Actor } from '../auth/actor.js';
import { auditDiff } from '../audit/audit-diff.js';
import { User } from '../auth/user.entity.js';
import { Service } from '../catalogue/service.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import type { OrganisationType } from '../organisations/organisation-type.js';
import { type RiskListQuery, type RiskRow, riskListStatements } from './risk-queries.js';
import { RiskHistory } from './risk-history.entity.js';
import type { RiskStatus } from './risk-lifecycle.js';
import { RiskScore, type ScoreSource } from './risk-score.entity.js';
import type { RiskScoring } from './risk-scoring.service.js';
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

/** Register entries, their history and score rows, and the references they check. */
@Injectable()
export class RisksRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Plain SQL on the pool (`risk-queries.ts`): page and count side by side. */
  async page(actor: Actor, q: RiskListQuery, scoring: RiskScoring): Promise<[RiskRow[], number]> {
    const { page, count } = riskListStatements(actor, q, scoring);
    const [rows, [{ n }]] = await Promise.all([
      this.db.query<RiskRow[]>(page.sql, page.params),
      this.db.query<{ n: number }[]>(count.sql, count.params),
    ]);
    return [rows, n];
  }

  find(id: string): Promise<Risk | null> {
    return this.db.getRepository(Risk).findOneBy({ id });
  }

  lockForChange(m: EntityManager, id: string): Promise<Risk | null> {
    return m.findOne(Risk, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async create(m: EntityManager, values: QueryDeepPartialEntity<Risk>): Promise<Risk> {
    const result = await m
      .createQueryBuilder()
      .insert()
      .into(Risk)
      .values({ ...values, reference: () => NEXT_RISK_REFERENCE_SQL })
      .returning('id')
      .execute();
    return m.findOneByOrFail(Risk, { id: (result.raw as { id: string }[])[0].id });
  }

  persist(m: EntityManager, risk: Risk): Promise<Risk> {
    return m.save(risk);
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

  history(riskId: string): Promise<RiskHistory[]> {
    return this.db
      .getRepository(RiskHistory)
      .find({ where: { riskId }, order: { occurredAt: 'ASC' } });
  }

  scores(riskId: string): Promise<RiskScore[]> {
    return this.db
      .getRepository(RiskScore)
      .find({ where: { riskId }, order: { recordedAt: 'ASC' } });
  }

  serviceExists(m: EntityManager, id: string): Promise<boolean> {
    return m.existsBy(Service, { id });
  }

  organisationExists(m: EntityManager, id: string, type?: OrganisationType): Promise<boolean> {
    return m.existsBy(Organisation, { id, ...(type && { type }) });
  }

  findUser(m: EntityManager, id: string): Promise<User | null> {
    return m.findOneBy(User, { id });
  }
}
