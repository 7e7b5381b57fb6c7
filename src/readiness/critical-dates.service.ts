import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { CriticalDate } from './critical-date.entity.js';
import { CriticalDatesRepository } from './critical-dates.repository.js';
import type { CreateCriticalDateDto } from './dto/create-critical-date.dto.js';
import type { CriticalDateQueryDto } from './dto/critical-date-query.dto.js';
import type { CriticalDateViewDto } from './dto/critical-date-view.dto.js';
import type { UpdateCriticalDateDto } from './dto/update-critical-date.dto.js';
import { DEFAULT_LEAD_TIMES } from './readiness-rule.js';
import { toCriticalDateView } from './readiness-views.js';

const descending = (xs: number[]) => [...xs].sort((a, b) => b - a);

/** The programme calendar: national dates councils must be ready for. Staff write. */
@Injectable()
export class CriticalDatesService {
  constructor(
    private readonly dates: CriticalDatesRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async list(q: CriticalDateQueryDto): Promise<Page<CriticalDateViewDto>> {
    const [rows, total] = await this.dates.page(q.upcoming, q.offset, q.limit);
    return toPage(rows.map(toCriticalDateView), total, q);
  }

  async get(id: string, m?: EntityManager): Promise<CriticalDate> {
    const found = await this.dates.find(id, m);
    if (!found) throw ProblemException.notFound('Critical date', id);
    return found;
  }

  async create(actor: Actor, dto: CreateCriticalDateDto): Promise<CriticalDateViewDto> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      await this.checkServices(m, dto.serviceIds);
      if (await this.dates.codeTaken(m, dto.code)) {
        throw ProblemException.conflict('duplicate_code', `Critical date ${dto.code} exists`);
      }
      const saved = await this.dates.persist(
        m,
        Object.assign(new CriticalDate(), {
          ...dto,
          description: dto.description ?? '',
          mandatorySteps: dto.mandatorySteps ?? true,
          leadTimes: descending(dto.leadTimes ?? DEFAULT_LEAD_TIMES),
        }),
      );
      const view = toCriticalDateView(await this.get(saved.id, m));
      await this.audit.record(m, actor, {
        action: 'critical_date.created',
        entityType: 'critical_date',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateCriticalDateDto): Promise<CriticalDateViewDto> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const row = await this.dates.lockForChange(m, id);
      if (!row) throw ProblemException.notFound('Critical date', id);
      if (dto.version !== row.version) {
        throw ProblemException.staleVersion('Critical date', row.version);
      }
      if (dto.serviceIds) await this.checkServices(m, dto.serviceIds);
      const before = toCriticalDateView(row);
      const { version: _v, ...changes } = dto;
      for (const [k, v] of Object.entries(changes)) {
        if (v !== undefined) Object.assign(row, { [k]: v });
      }
      if (changes.leadTimes) row.leadTimes = descending(changes.leadTimes);
      await this.dates.persist(m, row);
      const after = toCriticalDateView(await this.get(id, m));
      await this.audit.record(m, actor, {
        action: 'critical_date.updated',
        entityType: 'critical_date',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  /** 422 naming every service id that does not exist (one query). */
  private async checkServices(m: EntityManager, ids: string[]): Promise<void> {
    const missing = await this.dates.missingServices(m, ids);
    if (missing.length > 0) {
      throw ProblemException.unprocessable('unknown_reference', 'Unknown services', {
        errors: missing.map((id) => ({
          field: `serviceIds[${ids.indexOf(id)}]`,
          message: `no service ${id}`,
        })),
      });
    }
  }
}
