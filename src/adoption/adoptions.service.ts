import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { csvStream } from '../common/csv.js';
import { type FieldError, ProblemException } from '../common/errors/problem.exception.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { AdoptionFilterDto, AdoptionQueryDto } from './dto/adoption-query.dto.js';
import type { UpdateAdoptionDto } from './dto/update-adoption.dto.js';
import { FORWARD_STAGES } from './adoption-lifecycle.js';
import { AdoptionRules } from './adoption-rules.service.js';
import { adoptionSnapshot } from './adoption-snapshot.js';
import type { AdoptionStage } from './adoption-stage.js';
import { AdoptionStore } from './adoption-store.service.js';
import {
  ADOPTION_CSV_HEADER,
  type AdoptionView,
  toAdoptionCsvRow,
  toAdoptionHistoryView,
  toAdoptionView,
} from './adoption-views.js';
import type { Adoption } from './adoption.entity.js';
import { AdoptionsRepository } from './adoptions.repository.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TARGET_STAGES: readonly AdoptionStage[] = FORWARD_STAGES.filter((s) => s !== 'not_started');

/** Reading, listing, exporting and editing adoptions (stage moves live apart). */
@Injectable()
export class AdoptionsService {
  constructor(
    private readonly adoptions: AdoptionsRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly store: AdoptionStore,
    private readonly rules: AdoptionRules,
  ) {}

  async list(actor: Actor, q: AdoptionQueryDto): Promise<Page<AdoptionView>> {
    const [rows, n] = await this.adoptions.page(actor, q);
    return toPage(rows.map(toAdoptionView), n, q);
  }

  /** Every visible adoption matching the filters, streamed from a cursor as CSV. */
  async csv(actor: Actor, f: AdoptionFilterDto): Promise<Readable> {
    const rows = await this.adoptions.exportRows(actor, f);
    return csvStream(ADOPTION_CSV_HEADER, rows, toAdoptionCsvRow);
  }

  async get(actor: Actor, id: string): Promise<AdoptionView> {
    return toAdoptionView(await this.store.findVisibleRow(actor, id));
  }

  async history(actor: Actor, id: string) {
    await this.store.findVisibleRow(actor, id);
    const rows = await this.adoptions.history(id);
    return { data: rows.map(toAdoptionHistoryView) };
  }

  async update(actor: Actor, id: string, dto: UpdateAdoptionDto): Promise<AdoptionView> {
    const targetDates =
      dto.targetDates === undefined ? undefined : checkTargetDates(dto.targetDates);
    if (dto.productId && dto.sharedServiceId) {
      throw ProblemException.invalidFields([
        { field: 'sharedServiceId', message: 'give either productId or sharedServiceId, not both' },
      ]);
    }
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const a = await this.store.lockForChange(m, actor, id, dto.version);
      const before = adoptionSnapshot(a);
      if (dto.productId !== undefined || dto.sharedServiceId !== undefined) {
        await this.applyRoute(m, a, dto);
      }
      if (targetDates !== undefined) a.targetDates = targetDates;
      if (dto.goLiveDate !== undefined) a.goLiveDate = dto.goLiveDate;
      if (dto.notes !== undefined) a.notes = dto.notes;
      await this.adoptions.update(m, a);
      const after = adoptionSnapshot(a);
      await this.store.addHistory(m, actor, id, {
        event: 'updated',
        note: dto.note ?? null,
        before,
        after,
      });
      await this.audit.record(m, actor, {
        action: 'adoption.updated',
        entityType: 'adoption',
        entityId: id,
        before,
        after,
      });
      return toAdoptionView(await this.store.findVisibleRow(actor, id, m));
    });
  }

  /**
   * Sets or clears the route. A new route clears the attention flag (the knock-on that
   * raised it concerned the old one). A live adoption cannot lose its route.
   */
  private async applyRoute(m: EntityManager, a: Adoption, dto: UpdateAdoptionDto): Promise<void> {
    const previous = `${a.productId}|${a.sharedServiceId}`;
    if (dto.productId) {
      await this.rules.assertProductRoute(m, a, dto.productId);
      Object.assign(a, { routeType: 'product', productId: dto.productId, sharedServiceId: null });
    } else if (dto.sharedServiceId) {
      await this.rules.assertSharedRoute(m, a, dto.sharedServiceId);
      Object.assign(a, {
        routeType: 'shared_service',
        productId: null,
        sharedServiceId: dto.sharedServiceId,
      });
    } else {
      if (a.stage === 'live') {
        throw ProblemException.conflict(
          'route_required',
          'A live adoption keeps its delivery route; pause or withdraw it first',
        );
      }
      Object.assign(a, { routeType: null, productId: null, sharedServiceId: null });
    }
    if (`${a.productId}|${a.sharedServiceId}` !== previous) {
      a.attentionRequired = false;
      a.attentionReason = null;
    }
  }
}

const isRealDate = (v: unknown): boolean => {
  if (typeof v !== 'string' || !DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

/** Target dates: keys are stages after not_started, values real YYYY-MM-DD dates. */
function checkTargetDates(input: Record<string, unknown>): Partial<Record<AdoptionStage, string>> {
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (!TARGET_STAGES.includes(key as AdoptionStage)) {
      errors.push({
        field: `targetDates.${key}`,
        message: `not a stage with a target date (${TARGET_STAGES.join(', ')})`,
      });
    } else if (!isRealDate(value)) {
      errors.push({ field: `targetDates.${key}`, message: 'must be a date, YYYY-MM-DD' });
    }
  }
  if (errors.length > 0) throw ProblemException.invalidFields(errors);
  return input;
}
