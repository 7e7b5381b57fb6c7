import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { assertCanChange, assertCanSee } from './risk-access.js';
import { OPEN_STATUSES } from './risk-lifecycle.js';
import type { Risk } from './risk.entity.js';
import { RisksRepository } from './risks.repository.js';

/**
 * Loading register entries for the use-case services: visibility and ownership checks
 * (404), row locks with the optimistic version check (409), and the open-entry rule.
 */
@Injectable()
export class RiskStore {
  constructor(private readonly risks: RisksRepository) {}

  async findVisible(actor: Actor, id: string): Promise<Risk> {
    const risk = await this.risks.find(id);
    assertCanSee(actor, risk, id);
    return risk;
  }

  /**
   * Locks the entry for this transaction and checks the caller may change it and read
   * the current `version` (when given). A second writer holding the same version waits
   * for the lock, then finds the version moved on: exactly one of them wins.
   */
  async lockForChange(m: EntityManager, actor: Actor, id: string, version?: number): Promise<Risk> {
    const risk = await this.risks.lockForChange(m, id);
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
}
