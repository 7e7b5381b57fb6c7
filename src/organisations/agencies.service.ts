import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { CreateAgencyDto } from './dto/create-agency.dto.js';
import { OrganisationsRepository } from './organisations.repository.js';
import { toAgencyView } from './organisation-views.js';

type AgencyView = ReturnType<typeof toAgencyView>;

@Injectable()
export class AgenciesService {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<{ data: AgencyView[] }> {
    const rows = await this.organisations.agencies();
    return { data: rows.map(toAgencyView) };
  }

  async get(id: string): Promise<AgencyView> {
    const agency = await this.organisations.findOneBy({ id, type: 'AGENCY' });
    if (!agency) throw ProblemException.notFound('Agency', id);
    return toAgencyView(agency);
  }

  async create(actor: Actor, dto: CreateAgencyDto): Promise<AgencyView> {
    if (await this.organisations.existsBy({ code: dto.code })) {
      throw ProblemException.conflict(
        'duplicate_code',
        `An organisation with code ${dto.code} exists`,
      );
    }
    return this.uow.run(async (tx) => {
      const saved = await this.organisations.create(tx.manager, {
        type: 'AGENCY',
        code: dto.code,
        name: dto.name,
      });
      await this.audit.record(tx.manager, actor, {
        action: 'agency.created',
        entityType: 'agency',
        entityId: saved.id,
        after: toAgencyView(saved),
      });
      return toAgencyView(saved);
    });
  }
}
