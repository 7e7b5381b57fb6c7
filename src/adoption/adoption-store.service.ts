import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { auditDiff } from '../audit/audit-diff.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import type { AdoptionRow } from './adoption-queries.js';
import type { AdoptionStage } from './adoption-stage.js';
import type { Adoption } from './adoption.entity.js';
import { AdoptionsRepository } from './adoptions.repository.js';

export interface AdoptionHistoryEntry {
  event: string;
  fromStage?: AdoptionStage | null;
  toStage?: AdoptionStage | null;
  note?: string | null;
  before?: object | null;
  after?: object | null;
}

/**
 * The rules around loading and writing adoptions for the use-case services: visibility
 * (another tenant's id is a 404), row locks with the optimistic version check (409), and
 * the history.
 */
@Injectable()
export class AdoptionStore {
  constructor(private readonly adoptions: AdoptionsRepository) {}

  /** The adoption as the caller may see it (404 otherwise), in its read shape. */
  async findVisibleRow(actor: Actor, id: string, m?: EntityManager): Promise<AdoptionRow> {
    const row = await this.adoptions.visibleRow(actor, id, m);
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
    const adoption = await this.adoptions.lockById(m, id);
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
    await this.adoptions.addHistory(m, {
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
