import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { auditDiff } from '../audit/audit-diff.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { AdoptionHistory } from './adoption-history.entity.js';
import { ADOPTION_SELECT, type AdoptionRow, visibleAdoptionsSql } from './adoption-queries.js';
import type { AdoptionStage } from './adoption-stage.js';
import { Adoption } from './adoption.entity.js';
import { SqlParams } from '../common/sql/sql-params.js';

export interface AdoptionHistoryEntry {
  event: string;
  fromStage?: AdoptionStage | null;
  toStage?: AdoptionStage | null;
  note?: string | null;
  before?: object | null;
  after?: object | null;
}

/**
 * Loading and writing adoptions for the use-case services: visibility (another tenant's
 * id is a 404), row locks with the optimistic version check (409), and the history.
 */
@Injectable()
export class AdoptionStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The adoption as the caller may see it (404 otherwise), in its read shape. */
  async findVisibleRow(
    actor: Actor,
    id: string,
    m: EntityManager = this.db.manager,
  ): Promise<AdoptionRow> {
    const p = new SqlParams();
    const where = [`a.id = ${p.add(id)}`, visibleAdoptionsSql(actor, p)].filter(Boolean);
    const [row] = await m.query<AdoptionRow[]>(
      `${ADOPTION_SELECT} WHERE ${where.join(' AND ')}`,
      p.values,
    );
    if (!row) throw ProblemException.notFound('Adoption', id);
    return row;
  }

  /**
   * Locks the adoption for this transaction after checking the caller may change it (a
   * council its own, a programme admin any) and read the current `version`.
   */
  async lockForChange(
    m: EntityManager,
    actor: Actor,
    id: string,
    version?: number,
  ): Promise<Adoption> {
    const adoption = await m.findOne(Adoption, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    const mayChange =
      adoption &&
      (actor.role === 'programme_admin' ||
        (actor.role === 'council' && adoption.councilId === actor.organisationId));
    if (!adoption || !mayChange) throw ProblemException.notFound('Adoption', id);
    if (version !== undefined && version !== adoption.version) {
      throw ProblemException.staleVersion('Adoption', adoption.version);
    }
    return adoption;
  }

  async addHistory(
    m: EntityManager,
    actor: Actor,
    adoptionId: string,
    e: AdoptionHistoryEntry,
  ): Promise<void> {
    await m.insert(AdoptionHistory, {
      adoptionId,
      event: e.event,
      fromStage: e.fromStage ?? null,
      toStage: e.toStage ?? null,
      note: e.note ?? null,
      changes: auditDiff(e.before ?? null, e.after ?? null),
      actorUserId: actor.userId,
      actorLabel: actor.label,
    });
  }
}
