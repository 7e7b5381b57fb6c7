import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { REQUIREMENT_CODE } from '../requirements/requirement-lifecycle.js';
import { DecisionsRepository } from './decisions.repository.js';
import type { LinkedDecisionsViewDto } from './dto/linked-decisions-view.dto.js';

/**
 * The decisions listed on a risk, a requirement and a service. The thing itself must be
 * readable by the caller (404 otherwise, by its own module's rule); the decisions listed
 * are those the caller may read. Two statements whatever the number of decisions.
 */
@Injectable()
export class LinkedDecisionsService {
  constructor(private readonly store: DecisionsRepository) {}

  async forRisk(actor: Actor, riskId: string): Promise<LinkedDecisionsViewDto> {
    if (!(await this.store.riskReadable(actor, riskId)))
      throw ProblemException.notFound('Risk', riskId);
    return { decisions: await this.store.linkedTo(actor, 'risk_ids', riskId) };
  }

  async forService(actor: Actor, serviceId: string): Promise<LinkedDecisionsViewDto> {
    if (!(await this.store.serviceExists(serviceId)))
      throw ProblemException.notFound('Service', serviceId);
    return { decisions: await this.store.linkedTo(actor, 'service_ids', serviceId) };
  }

  async forRequirement(actor: Actor, setId: string, code: string): Promise<LinkedDecisionsViewDto> {
    if (!REQUIREMENT_CODE.test(code)) {
      throw ProblemException.invalidFields([
        { field: 'code', message: 'code must look like FSM-004' },
      ]);
    }
    const found = await this.store.requirementId(setId, code);
    if (!found) throw ProblemException.notFound('Requirement', code);
    return { decisions: await this.store.linkedTo(actor, 'requirement_ids', found) };
  }
}
