import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { CouncilsService } from '../organisations/councils.service.js';
import { GSS_CODE } from '../organisations/dto/council-group.dto.js';
import { CouncilGroupsRepository } from '../organisations/council-groups.repository.js';
import type { Organisation } from '../organisations/organisation.entity.js';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { type Tx, UnitOfWork } from '../queue/unit-of-work.service.js';
import { type ServiceView, toServiceView } from './catalogue-views.js';
import type { CreateServiceDto, UpdateServiceDto } from './dto/service.dto.js';
import type { ServiceQueryDto } from './dto/service-query.dto.js';
import type { ServiceScopeDto, UpdateServiceScopeDto } from './dto/service-scope.dto.js';
import { SERVICE_TRANSITIONS, type ServiceStatus } from './service-lifecycle.js';
import type { Service } from './service.entity.js';
import { ServicesRepository } from './services.repository.js';
import { assertTransition } from '../common/lifecycle/assert-transition.js';

/** The service catalogue: what the programme delivers, who leads it, where it stands. */
@Injectable()
export class ServicesService {
  constructor(
    private readonly services: ServicesRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly councilGroups: CouncilGroupsRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly councils: CouncilsService,
  ) {}

  async list(q: ServiceQueryDto): Promise<Page<ServiceView>> {
    const [rows, total] = await this.services.page(q);
    return toPage(rows.map(toServiceView), total, q);
  }

  async get(id: string): Promise<ServiceView> {
    const service = await this.services.findWithAgency(id);
    if (!service) throw ProblemException.notFound('Service', id);
    return toServiceView(service);
  }

  async create(actor: Actor, dto: CreateServiceDto): Promise<ServiceView> {
    const agency = await this.requireAgency(dto.leadAgencyId);
    if (await this.services.existsByCode(dto.code)) {
      throw ProblemException.conflict('duplicate_code', `A service with code ${dto.code} exists`);
    }
    const scope = await this.resolveScope(dto.scope);
    return this.uow.run(async (tx) => {
      const saved = await this.services.create(tx.manager, {
        code: dto.code,
        name: dto.name,
        description: dto.description ?? '',
        leadAgencyId: agency.id,
        deliveryModel: dto.deliveryModel,
        status: 'planned',
        ...scope,
      });
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
      const service = await this.services.lockForChange(tx.manager, id);
      if (!service) throw ProblemException.notFound('Service', id);
      const agencyBefore = await this.organisations.getById(tx.manager, service.leadAgencyId);
      const before = toServiceView({ ...service, leadAgency: agencyBefore });
      change(service, tx);
      const saved = await this.services.update(tx.manager, service);
      const agency =
        saved.leadAgencyId === agencyBefore.id
          ? agencyBefore
          : await this.organisations.getById(tx.manager, saved.leadAgencyId);
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
      const known = new Set(await this.councilGroups.existingIds(groupIds));
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
    const agency = await this.organisations.findOneBy({ id, type: 'AGENCY' });
    if (!agency) {
      throw ProblemException.unprocessable('unknown_agency', `Organisation ${id} is not an agency`);
    }
    return agency;
  }
}
