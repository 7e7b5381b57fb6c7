import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { CreateAgencyDto } from './dto/create-agency.dto.js';
import { Organisation } from './organisation.entity.js';
import { toAgencyView } from './organisation-views.js';

type AgencyView = ReturnType<typeof toAgencyView>;

@Injectable()
export class AgenciesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<{ data: AgencyView[] }> {
    const rows = await this.db
      .getRepository(Organisation)
      .find({ where: { type: 'AGENCY' }, order: { name: 'ASC' } });
    return { data: rows.map(toAgencyView) };
  }

  async get(id: string): Promise<AgencyView> {
    const agency = await this.db.getRepository(Organisation).findOneBy({ id, type: 'AGENCY' });
    if (!agency) throw ProblemException.notFound('Agency', id);
    return toAgencyView(agency);
  }

  async create(actor: Actor, dto: CreateAgencyDto): Promise<AgencyView> {
    if (await this.db.getRepository(Organisation).existsBy({ code: dto.code })) {
      throw ProblemException.conflict(
        'duplicate_code',
        `An organisation with code ${dto.code} exists`,
      );
    }
    return this.uow.run(async (tx) => {
      const saved = await tx.manager.save(
        tx.manager.create(Organisation, { type: 'AGENCY', code: dto.code, name: dto.name }),
      );
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
