import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { SqlParams } from '../common/sql/sql-params.js';
import {
  EXPECTED_SQL,
  LATEST_READING_JOIN,
  REALISED_SQL,
  SPARKLINE_JOIN,
  STATUS_SQL,
  type BenefitStatus,
  visibleBenefitsSql,
} from './benefit-sql.js';
import { BenefitStatusChange } from './benefit-status-change.entity.js';
import { type BenefitView, toBenefitView } from './benefit-views.js';
import { Benefit } from './benefit.entity.js';

/** Every column of a benefit with its latest reading, expected value, status and sparkline. */
const SELECT = `SELECT b.id, b.title, b.description, b.type, b.service_ids, b.owner_organisation_id,
    b.owner_user_id, b.measure_name, b.unit, b.direction, b.baseline_value,
    b.baseline_date::text AS baseline_date, b.baseline_source, b.target_value,
    b.target_date::text AS target_date, b.tolerance_pct, b.threshold, b.value_per_unit,
    b.evidence, b.version, l.value AS latest_value, l.measured_on::text AS latest_on,
    CASE WHEN l.value IS NULL THEN NULL ELSE ${EXPECTED_SQL} END AS expected,
    ${STATUS_SQL} AS status, ${REALISED_SQL} AS realised_value, s.spark
  FROM benefits b ${LATEST_READING_JOIN} ${SPARKLINE_JOIN}`;

/** Benefits by status, with the realised value of each status. */
export interface BenefitStatusRow {
  status: BenefitStatus;
  n: number;
  realised: string | null;
}

/** Whether the services, organisation and owning user a benefit names exist. */
export interface BenefitReferencesRow {
  services: number;
  org: boolean;
  owner: boolean;
}

/**
 * Benefits: reads them as views in one statement, whatever the number of benefits or
 * readings (`:name` parameters are expanded to positional ones), and writes their rows.
 */
@Injectable()
export class BenefitsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async views(
    actor: Actor,
    where: string[],
    params: Record<string, unknown>,
    page?: { limit: number; offset: number },
    m: EntityManager = this.db.manager,
  ): Promise<{ rows: BenefitView[]; total: number }> {
    const vis = SqlParams.named('vis');
    const visible = visibleBenefitsSql(actor, vis);
    const clauses = [...where, ...(visible ? [visible] : [])];
    const sql = `${SELECT.replace('SELECT ', 'SELECT count(*) OVER () AS total_count, ')}
      ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
      ORDER BY b.title, b.id ${page ? `LIMIT ${page.limit} OFFSET ${page.offset}` : ''}`;
    const [q, values] = this.db.driver.escapeQueryWithParameters(sql, {
      ...params,
      ...vis.byName,
    });
    const raw = await m.query<Record<string, unknown>[]>(q, values);
    return { rows: raw.map(toBenefitView), total: Number(raw[0]?.total_count ?? 0) };
  }

  async findVisible(actor: Actor, id: string, m?: EntityManager): Promise<BenefitView | null> {
    const { rows } = await this.views(actor, ['b.id = :id'], { id }, undefined, m);
    return rows[0] ?? null;
  }

  /** Counts by status and realised value to date (GBP), in one statement. */
  statusTotals(actor: Actor): Promise<BenefitStatusRow[]> {
    const p = new SqlParams();
    const visible = visibleBenefitsSql(actor, p);
    const sql = `SELECT v.status, count(*)::int AS n, sum(v.realised) AS realised
         FROM (SELECT ${STATUS_SQL} AS status, ${REALISED_SQL} AS realised, b.type
                 FROM benefits b ${LATEST_READING_JOIN}
                ${visible ? `WHERE ${visible}` : ''}) v
        GROUP BY v.status`;
    return this.db.query<BenefitStatusRow[]>(sql, p.values);
  }

  lockForChange(m: EntityManager, id: string): Promise<Benefit | null> {
    return m.findOne(Benefit, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  persist(m: EntityManager, benefit: Benefit): Promise<Benefit> {
    return m.save(benefit);
  }

  async insertStatusChange(
    m: EntityManager,
    change: Pick<BenefitStatusChange, 'benefitId' | 'fromStatus' | 'toStatus'>,
  ): Promise<void> {
    await m.insert(BenefitStatusChange, change);
  }

  async references(
    m: EntityManager,
    serviceIds: string[],
    ownerOrganisationId: string | null,
    ownerUserId: string | null,
  ): Promise<BenefitReferencesRow> {
    const [r] = await m.query<BenefitReferencesRow[]>(
      `SELECT (SELECT count(*)::int FROM services WHERE id = ANY($1::uuid[])) AS services,
              EXISTS (SELECT 1 FROM organisations WHERE id = $2) AS org,
              ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM users WHERE id = $3 AND organisation_id = $2)) AS owner`,
      [serviceIds, ownerOrganisationId, ownerUserId],
    );
    return r;
  }
}
