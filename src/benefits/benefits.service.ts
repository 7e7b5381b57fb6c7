import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { stringify } from 'csv-stringify/sync';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { neutraliseFormula, parseCsv } from '../common/csv.js';
import { type FieldError, ProblemException } from '../common/errors/problem.exception.js';
import { flattenValidationErrors } from '../common/errors/validation-errors.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { type Tx, UnitOfWork } from '../queue/unit-of-work.service.js';
import {
  BenefitMeasurementsRepository,
  type BenefitReadingRow,
} from './benefit-measurements.repository.js';
import { BENEFIT_STATUSES, type BenefitStatus } from './benefit-sql.js';
import { BenefitThresholdsRepository } from './benefit-thresholds.repository.js';
import type { BenefitView } from './benefit-views.js';
import { Benefit } from './benefit.entity.js';
import { BenefitsRepository } from './benefits.repository.js';
import type { BenefitQueryDto } from './dto/benefit-query.dto.js';
import type { CreateBenefitDto } from './dto/create-benefit.dto.js';
import { RecordMeasurementDto } from './dto/record-measurement.dto.js';
import type { UpdateBenefitDto } from './dto/update-benefit.dto.js';

export const CSV_COLUMNS = ['measured_on', 'value', 'source', 'note', 'breakdown', 'breakdown_key'];
const MAX_CSV_ROWS = 5000;
const NUMBER = /^-?\d{1,13}(\.\d{1,6})?$/;

const str = (v: number | null | undefined): string | null =>
  v === null || v === undefined ? null : String(v);

/** The benefits register: benefits, their readings, status views, CSV in and out. */
@Injectable()
export class BenefitsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly benefits: BenefitsRepository,
    private readonly measurements: BenefitMeasurementsRepository,
    private readonly thresholds: BenefitThresholdsRepository,
  ) {}

  async list(actor: Actor, q: BenefitQueryDto): Promise<Page<BenefitView>> {
    const where = q.serviceId ? [':serviceId = ANY(b.service_ids)'] : [];
    const { rows, total } = await this.benefits.views(
      actor,
      where,
      { serviceId: q.serviceId },
      { limit: q.limit, offset: q.offset },
    );
    return toPage(rows, total, q);
  }

  get(actor: Actor, id: string): Promise<BenefitView> {
    return this.findVisible(actor, id);
  }

  /** Counts by status and realised value to date (GBP), in one statement. */
  async summary(actor: Actor) {
    const rows = await this.benefits.statusTotals(actor);
    const byStatus = Object.fromEntries(BENEFIT_STATUSES.map((s) => [s, 0])) as Record<
      BenefitStatus,
      number
    >;
    let realised = 0;
    for (const r of rows) {
      byStatus[r.status] = r.n;
      realised += Number(r.realised ?? 0);
    }
    return {
      total: rows.reduce((a, r) => a + r.n, 0),
      byStatus,
      realisedValueGbp: Math.round(realised * 100) / 100,
    };
  }

  /** One benefit with every reading: the overall series and one series per breakdown key. */
  async series(actor: Actor, id: string) {
    const benefit = await this.findVisible(actor, id);
    const rows = await this.measurements.listOfBenefit(id);
    const point = (r: BenefitReadingRow) => ({
      id: r.id,
      date: r.measured_on,
      value: Number(r.value),
      source: r.source,
      note: r.note,
    });
    const breakdowns = new Map<string, { breakdown: string; key: string; points: object[] }>();
    for (const r of rows.filter((x) => x.breakdown !== null)) {
      const k = `${r.breakdown}:${r.breakdown_key}`;
      if (!breakdowns.has(k))
        breakdowns.set(k, { breakdown: r.breakdown!, key: r.breakdown_key!, points: [] });
      breakdowns.get(k)!.points.push(point(r));
    }
    return {
      benefit,
      overall: rows.filter((r) => r.breakdown === null).map(point),
      breakdowns: [...breakdowns.values()],
    };
  }

  async create(actor: Actor, dto: CreateBenefitDto): Promise<BenefitView> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const owner = dto.ownerOrganisationId ?? actor.organisationId;
      await this.checkReferences(m, dto.serviceIds, owner, dto.ownerUserId ?? null);
      const saved = await this.benefits.persist(
        m,
        Object.assign(new Benefit(), {
          title: dto.title,
          description: dto.description ?? '',
          type: dto.type,
          serviceIds: [...new Set(dto.serviceIds)],
          ownerOrganisationId: owner!,
          ownerUserId: dto.ownerUserId ?? null,
          measureName: dto.measureName,
          unit: dto.unit,
          direction: dto.direction,
          baselineValue: String(dto.baselineValue),
          baselineDate: dto.baselineDate,
          baselineSource: dto.baselineSource ?? '',
          targetValue: String(dto.targetValue),
          targetDate: dto.targetDate,
          tolerancePct: String(dto.tolerancePct ?? 10),
          threshold: str(dto.threshold),
          valuePerUnit: str(dto.valuePerUnit),
          evidence: dto.evidence ?? '',
        }),
      );
      const view = await this.findVisible(actor, saved.id, m);
      await this.audit.record(m, actor, {
        action: 'benefit.created',
        entityType: 'benefit',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateBenefitDto): Promise<BenefitView> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const benefit = await this.lock(m, id, dto.version);
      const before = await this.findVisible(actor, id, m);
      const { version: _v, ...changes } = dto;
      const next = { ...benefit, ...changes } as Benefit & typeof changes;
      if (changes.serviceIds || changes.ownerOrganisationId || changes.ownerUserId) {
        await this.checkReferences(
          m,
          next.serviceIds,
          next.ownerOrganisationId,
          next.ownerUserId ?? null,
        );
      }
      for (const [k, v] of Object.entries(changes)) {
        if (v === undefined) continue;
        Object.assign(benefit, { [k]: typeof v === 'number' ? String(v) : v });
      }
      if (changes.serviceIds) benefit.serviceIds = [...new Set(changes.serviceIds)];
      await this.benefits.persist(m, benefit);
      const after = await this.findVisible(actor, id, m);
      await this.noteStatus(m, before, after);
      await this.audit.record(m, actor, {
        action: 'benefit.updated',
        entityType: 'benefit',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  async record(actor: Actor, id: string, dto: RecordMeasurementDto) {
    return this.uow.run(async (tx) => {
      const benefit = await this.lock(tx.manager, id);
      const before = await this.findVisible(actor, id, tx.manager);
      const [measurement] = await this.insertReadings(tx, actor, benefit, [dto]);
      const after = await this.findVisible(actor, id, tx.manager);
      await this.noteStatus(tx.manager, before, after);
      await this.audit.record(tx.manager, actor, {
        action: 'benefit.measurement_recorded',
        entityType: 'benefit',
        entityId: id,
        after: { measurementId: measurement.id, ...dto },
      });
      return { measurement: { id: measurement.id, ...dto }, benefit: after };
    });
  }

  /** All rows or none: any bad row is a 400 naming its row number and column. */
  async importCsv(actor: Actor, id: string, text: string) {
    const readings = parseMeasurementsCsv(text);
    return this.uow.run(async (tx) => {
      const benefit = await this.lock(tx.manager, id);
      const before = await this.findVisible(actor, id, tx.manager);
      const rows = await this.insertReadings(tx, actor, benefit, readings);
      const after = await this.findVisible(actor, id, tx.manager);
      await this.noteStatus(tx.manager, before, after);
      await this.audit.record(tx.manager, actor, {
        action: 'benefit.measurements_imported',
        entityType: 'benefit',
        entityId: id,
        after: { imported: rows.length },
      });
      return { imported: rows.length, benefit: after };
    });
  }

  async exportCsv(actor: Actor, id: string): Promise<string> {
    const { overall, breakdowns } = await this.series(actor, id);
    const rows = [
      ...overall.map((p) => ({ ...p, breakdown: '', key: '' })),
      ...breakdowns.flatMap((b) =>
        b.points.map((p) => ({
          ...(p as (typeof overall)[number]),
          breakdown: b.breakdown,
          key: b.key,
        })),
      ),
    ];
    return stringify(
      rows.map((r) => [
        r.date,
        r.value,
        neutraliseFormula(r.source),
        neutraliseFormula(r.note),
        r.breakdown,
        neutraliseFormula(r.key),
      ]),
      { header: true, columns: CSV_COLUMNS },
    );
  }

  /** Records a move of the computed status, for the owner's weekly digest. */
  private async noteStatus(m: EntityManager, before: BenefitView, after: BenefitView) {
    if (before.status === after.status) return;
    await this.benefits.insertStatusChange(m, {
      benefitId: after.id,
      fromStatus: before.status,
      toStatus: after.status,
    });
  }

  private async findVisible(actor: Actor, id: string, m?: EntityManager): Promise<BenefitView> {
    const benefit = await this.benefits.findVisible(actor, id, m);
    if (!benefit) throw ProblemException.notFound('Benefit', id);
    return benefit;
  }

  private async lock(m: EntityManager, id: string, version?: number): Promise<Benefit> {
    const benefit = await this.benefits.lockForChange(m, id);
    if (!benefit) throw ProblemException.notFound('Benefit', id);
    if (version !== undefined && version !== benefit.version) {
      throw ProblemException.staleVersion('Benefit', benefit.version);
    }
    return benefit;
  }

  private async checkReferences(
    m: EntityManager,
    serviceIds: string[],
    ownerOrganisationId: string | null,
    ownerUserId: string | null,
  ): Promise<void> {
    const r = await this.benefits.references(
      m,
      [...new Set(serviceIds)],
      ownerOrganisationId,
      ownerUserId,
    );
    const errors: FieldError[] = [];
    if (r.services !== new Set(serviceIds).size)
      errors.push({ field: 'serviceIds', message: 'serviceIds must name existing services' });
    if (!r.org)
      errors.push({ field: 'ownerOrganisationId', message: 'ownerOrganisationId is not known' });
    if (!r.owner)
      errors.push({
        field: 'ownerUserId',
        message: 'ownerUserId must be a user of the owning organisation',
      });
    if (errors.length) throw ProblemException.invalidFields(errors);
  }

  /**
   * Inserts readings and, for a disbenefit with a threshold, publishes one event per
   * reading that crosses it (past the threshold where the overall reading before it was
   * not). The benefit row is locked by the caller, so crossings are decided one at a time.
   */
  private async insertReadings(
    tx: Tx,
    actor: Actor,
    benefit: Benefit,
    readings: RecordMeasurementDto[],
  ): Promise<{ id: string }[]> {
    const m = tx.manager;
    const ids = await this.measurements.add(
      m,
      readings.map((r) => ({
        benefitId: benefit.id,
        value: String(r.value),
        measuredOn: r.measuredOn,
        source: r.source ?? '',
        note: r.note ?? '',
        breakdown: r.breakdown ?? null,
        breakdownKey: r.breakdown ? r.breakdownKey! : null,
        recordedByUserId: actor.userId,
      })),
    );
    if (benefit.type === 'disbenefit' && benefit.threshold !== null) {
      const crossings = await this.thresholds.findCrossings(m, benefit.id, ids);
      for (const c of crossings) {
        tx.publish('benefit.threshold_crossed', {
          benefitId: benefit.id,
          measurementId: c.id,
          value: c.value,
          threshold: benefit.threshold,
          measuredOn: c.measured_on,
        });
      }
    }
    return ids.map((id) => ({ id }));
  }
}

/** Parses a measurements CSV (header row: CSV_COLUMNS; measured_on and value required). */
export function parseMeasurementsCsv(text: string): RecordMeasurementDto[] {
  const records = parseCsv(text);
  const [header = [], ...rows] = records;
  const names = header.map((h) => h.trim());
  const missing = ['measured_on', 'value'].filter((c) => !names.includes(c));
  const unknown = names.filter((c) => !CSV_COLUMNS.includes(c));
  if (missing.length || unknown.length) {
    throw ProblemException.badRequest(
      'invalid_csv',
      `The header row must name the columns ${CSV_COLUMNS.join(', ')} (measured_on and value required)`,
      [
        ...missing.map((c) => ({ field: 'row 1', message: `column ${c} is missing` })),
        ...unknown.map((c) => ({ field: 'row 1', message: `column ${c} is not known` })),
      ],
    );
  }
  if (rows.length === 0) throw ProblemException.badRequest('empty_csv', 'The CSV has no readings');
  if (rows.length > MAX_CSV_ROWS) {
    throw ProblemException.badRequest(
      'too_many_rows',
      `At most ${MAX_CSV_ROWS} readings per import; the CSV has ${rows.length}`,
    );
  }
  const column: Record<string, string> = {
    measuredOn: 'measured_on',
    value: 'value',
    source: 'source',
    note: 'note',
    breakdown: 'breakdown',
    breakdownKey: 'breakdown_key',
  };
  const errors: (FieldError & { row: number; column: string })[] = [];
  const out = rows.map((cells, i) => {
    const row = i + 2;
    const cell = (c: string) => (cells[names.indexOf(c)] ?? '').trim();
    const rawValue = cell('value');
    const plain = {
      measuredOn: cell('measured_on'),
      value: NUMBER.test(rawValue) ? Number(rawValue) : rawValue,
      source: cell('source'),
      note: cell('note'),
      breakdown: cell('breakdown') || null,
      breakdownKey: cell('breakdown_key') || null,
    };
    const dto = plainToInstance(RecordMeasurementDto, plain);
    for (const e of flattenValidationErrors(validateSync(dto))) {
      const col = column[e.field] ?? e.field;
      errors.push({ row, column: col, field: `row ${row}: ${col}`, message: e.message });
    }
    return dto;
  });
  if (errors.length) {
    const first = errors[0];
    throw new ProblemException(
      400,
      'invalid_csv',
      `${errors.length} problem(s); nothing was imported. First: row ${first.row}, column ${first.column}: ${first.message}`,
      { errors },
    );
  }
  return out;
}
