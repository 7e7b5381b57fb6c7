import { SqlParams } from '../common/sql/sql-params.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { REQUIREMENT_CODE } from '../requirements/requirement-lifecycle.js';
import { visibleRisksSql } from '../risks/risk-access.js';
import { DecisionStore } from './decision-store.service.js';
import type { LinkedDecisionsViewDto } from './dto/linked-decisions-view.dto.js';

/**
 * The decisions listed on a risk, a requirement and a service. The thing itself must be
 * readable by the caller (404 otherwise, by its own module's rule); the decisions listed
 * are those the caller may read. Two statements whatever the number of decisions.
 */
@Injectable()
export class LinkedDecisionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: DecisionStore,
  ) {}

  async forRisk(actor: Actor, riskId: string): Promise<LinkedDecisionsViewDto> {
    const p = new SqlParams();
    const id = p.add(riskId);
    const visible = visibleRisksSql(actor, p);
    const sql = `SELECT 1 FROM risks r WHERE r.id = ${id} ${visible ? `AND ${visible}` : ''}`;
    if (!(await this.db.query<unknown[]>(sql, p.values)).length)
      throw ProblemException.notFound('Risk', riskId);
    return { decisions: await this.store.linkedTo(actor, 'risk_ids', riskId) };
  }

  async forService(actor: Actor, serviceId: string): Promise<LinkedDecisionsViewDto> {
    const found = await this.db.query<unknown[]>(`SELECT 1 FROM services WHERE id = $1`, [
      serviceId,
    ]);
    if (!found.length) throw ProblemException.notFound('Service', serviceId);
    return { decisions: await this.store.linkedTo(actor, 'service_ids', serviceId) };
  }

  async forRequirement(actor: Actor, setId: string, code: string): Promise<LinkedDecisionsViewDto> {
    if (!REQUIREMENT_CODE.test(code)) {
      throw ProblemException.invalidFields([
        { field: 'code', message: 'code must look like FSM-004' },
      ]);
    }
    const [found] = await this.db.query<{ id: string }[]>(
      `SELECT id FROM requirements WHERE requirement_set_id = $1 AND code = $2`,
      [setId, code],
    );
    if (!found) throw ProblemException.notFound('Requirement', code);
    return { decisions: await this.store.linkedTo(actor, 'requirement_ids', found.id) };
  }
}
