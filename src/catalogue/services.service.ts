import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { CouncilsService } from '../organisations/councils.service.js';
import { GSS_CODE } from '../organisations/dto/council-group.dto.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { type Tx, UnitOfWork } from '../queue/unit-of-work.service.js';
import { type ServiceView, toServiceView } from './catalogue-views.js';
import type { CreateServiceDto, UpdateServiceDto } from './dto/service.dto.js';
import type { ServiceQueryDto } from './dto/service-query.dto.js';
import type { ServiceScopeDto, UpdateServiceScopeDto } from './dto/service-scope.dto.js';
import { SERVICE_TRANSITIONS, type ServiceStatus } from './service-lifecycle.js';
import { Service } from './service.entity.js';
import { assertTransition } from '../common/lifecycle/assert-transition.js';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/** The service catalogue: what the programme delivers, who leads it, where it stands. */
@Injectable()
export class ServicesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly councils: CouncilsService,
  ) {}

  async list(q: ServiceQueryDto): Promise<Page<ServiceView>> {
    const qb = this.db
      .getRepository(Service)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.leadAgency', 'a');
    if (q.status) qb.andWhere('s.status = :status', { status: q.status });
    if (q.deliveryModel) qb.andWhere('s.delivery_model = :dm', { dm: q.deliveryModel });
    if (q.leadAgencyId) qb.andWhere('s.lead_agency_id = :agency', { agency: q.leadAgencyId });
    if (q.q) {
      qb.andWhere('(s.code LIKE :prefix OR s.name ILIKE :like)', {
        prefix: `${escapeLike(q.q.toUpperCase())}%`,
        like: `%${escapeLike(q.q)}%`,
      });
    }
    const [rows, total] = await qb.orderBy('s.code').skip(q.offset).take(q.limit).getManyAndCount();
    return toPage(rows.map(toServiceView), total, q);
  }

  async get(id: string): Promise<ServiceView> {
    const service = await this.db
      .getRepository(Service)
      .findOne({ where: { id }, relations: { leadAgency: true } });
    if (!service) throw ProblemException.notFound('Service', id);
    return toServiceView(service);
  }

  async create(actor: Actor, dto: CreateServiceDto): Promise<ServiceView> {
    const agency = await this.requireAgency(dto.leadAgencyId);
    if (await this.db.getRepository(Service).existsBy({ code: dto.code })) {
      throw ProblemException.conflict('duplicate_code', `A service with code ${dto.code} exists`);
    }
    const scope = await this.resolveScope(dto.scope);
    return this.uow.run(async (tx) => {
      const saved = await tx.manager.save(
        tx.manager.create(Service, {
          code: dto.code,
          name: dto.name,
          description: dto.description ?? '',
          leadAgencyId: agency.id,
          deliveryModel: dto.deliveryModel,
          status: 'planned',
          ...scope,
        }),
      );
      this.announceScope(tx, saved.id);
      const view = toServiceView({ ...saved, leadAgency: agency });
      await this.audit.record(tx.manager, actor, {
        action: 'service.created',
        entityType: 'service',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateServiceDto): Promise<ServiceView> {
    const { version, ...fields } = dto;
    if (fields.leadAgencyId) await this.requireAgency(fields.leadAgencyId);
    return this.mutate(actor, id, 'service.updated', (s) => {
      if (s.version !== version) throw ProblemException.staleVersion('Service', s.version);
      Object.assign(s, fields);
    });
  }

  /**
   * Sets which councils must adopt the service. The adoption module then creates the
   * missing adoptions (at not_started) and withdraws those of councils that left.
   */
  async setScope(actor: Actor, id: string, dto: UpdateServiceScopeDto): Promise<ServiceView> {
    const scope = await this.resolveScope(dto);
    return this.mutate(actor, id, 'service.scope_changed', (s, tx) => {
      if (s.version !== dto.version) throw ProblemException.staleVersion('Service', s.version);
      Object.assign(s, scope);
      this.announceScope(tx, s.id);
    });
  }

  /** Lifecycle moves: planned → piloting → live → retired (see SERVICE_TRANSITIONS). */
  async transition(actor: Actor, id: string, to: ServiceStatus, note?: string) {
    return this.mutate(
      actor,
      id,
      'service.status_changed',
      (s) => {
        assertTransition(SERVICE_TRANSITIONS, s.status, to, 'a service');
        s.status = to;
      },
      note,
    );
  }

  private async mutate(
    actor: Actor,
    id: string,
    action: string,
    change: (s: Service, tx: Tx) => void,
    note?: string,
  ): Promise<ServiceView> {
    return this.uow.run(async (tx) => {
      const service = await tx.manager.findOne(Service, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!service) throw ProblemException.notFound('Service', id);
      const agencyBefore = await tx.manager.findOneByOrFail(Organisation, {
        id: service.leadAgencyId,
      });
      const before = toServiceView({ ...service, leadAgency: agencyBefore });
      change(service, tx);
      const saved = await tx.manager.save(service);
      const agency =
        saved.leadAgencyId === agencyBefore.id
          ? agencyBefore
          : await tx.manager.findOneByOrFail(Organisation, { id: saved.leadAgencyId });
      const after = toServiceView({ ...saved, leadAgency: agency });
      await this.audit.record(tx.manager, actor, {
        action,
        entityType: 'service',
        entityId: id,
        before,
        after: note ? { ...after, note } : after,
      });
      return after;
    });
  }

  private announceScope(tx: Tx, serviceId: string): void {
    tx.publish('service.scope_changed', { serviceId });
  }

  /** Validates a scope: known council groups, councils by id or GSS code (422 naming the unknown). */
  private async resolveScope(dto: ServiceScopeDto = {}) {
    const refs = dto.councils ?? [];
    const councilIds = await this.councils.resolveIds(
      refs.filter((r) => !GSS_CODE.test(r)).map((r) => r.toLowerCase()),
      refs.filter((r) => GSS_CODE.test(r)),
    );
    const groupIds = dto.councilGroupIds ?? [];
    if (groupIds.length > 0) {
      const found: { id: string }[] = await this.db.query(
        `SELECT id FROM council_groups WHERE id = ANY($1::uuid[])`,
        [groupIds],
      );
      const known = new Set(found.map((g) => g.id));
      const missing = groupIds.filter((g) => !known.has(g));
      if (missing.length > 0) {
        throw ProblemException.unprocessable(
          'unknown_council_group',
          `Not council groups: ${missing.join(', ')}`,
          { missing },
        );
      }
    }
    return {
      scopeNations: [...(dto.nations ?? [])].sort(),
      scopeGroupIds: [...groupIds].sort(),
      scopeCouncilIds: [...councilIds].sort(),
    };
  }

  private async requireAgency(id: string): Promise<Organisation> {
    const agency = await this.db.getRepository(Organisation).findOneBy({ id, type: 'AGENCY' });
    if (!agency) {
      throw ProblemException.unprocessable('unknown_agency', `Organisation ${id} is not an agency`);
    }
    return agency;
  }
}
