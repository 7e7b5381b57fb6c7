import { SqlParams } from '../common/sql/sql-params.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import {
  EXPECTED_SQL,
  LATEST_READING_JOIN,
  REALISED_SQL,
  SPARKLINE_JOIN,
  STATUS_SQL,
  visibleBenefitsSql,
} from './benefit-sql.js';
import { type BenefitView, toBenefitView } from './benefit-views.js';

/** Every column of a benefit with its latest reading, expected value, status and sparkline. */
const SELECT = `SELECT b.id, b.title, b.description, b.type, b.service_ids, b.owner_organisation_id,
    b.owner_user_id, b.measure_name, b.unit, b.direction, b.baseline_value,
    b.baseline_date::text AS baseline_date, b.baseline_source, b.target_value,
    b.target_date::text AS target_date, b.tolerance_pct, b.threshold, b.value_per_unit,
    b.evidence, b.version, l.value AS latest_value, l.measured_on::text AS latest_on,
    CASE WHEN l.value IS NULL THEN NULL ELSE ${EXPECTED_SQL} END AS expected,
    ${STATUS_SQL} AS status, ${REALISED_SQL} AS realised_value, s.spark
  FROM benefits b ${LATEST_READING_JOIN} ${SPARKLINE_JOIN}`;

/**
 * Reads benefits as views in one statement, whatever the number of benefits or readings;
 * `:name` parameters are expanded to positional ones.
 */
@Injectable()
export class BenefitStore {
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

  async findVisible(actor: Actor, id: string, m?: EntityManager): Promise<BenefitView> {
    const { rows } = await this.views(actor, ['b.id = :id'], { id }, undefined, m);
    if (!rows[0]) throw ProblemException.notFound('Benefit', id);
    return rows[0];
  }
}
