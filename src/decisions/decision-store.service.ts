import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { SqlParams } from '../common/sql/sql-params.js';
import { DECISION_SELECT, visibleDecisionsSql } from './decision-sql.js';
import { toDecisionSummary, toDecisionView } from './decision-views.js';
import type { DecisionSummaryViewDto } from './dto/decision-summary-view.dto.js';
import type { DecisionViewDto } from './dto/decision-view.dto.js';

/** What a list of linked decisions is keyed by: the uuid array column holding the link. */
export type DecisionLink = 'risk_ids' | 'requirement_ids' | 'service_ids';

/**
 * Reads decisions as views, each read one statement whatever the number of decisions and
 * links. `where` clauses add their values through the same binder.
 */
@Injectable()
export class DecisionStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async views(
    actor: Actor,
    filter: (p: SqlParams) => { where: string[]; rank?: string },
    page?: { limit: number; offset: number },
    m: EntityManager = this.db.manager,
  ): Promise<{ rows: DecisionViewDto[]; total: number }> {
    const p = new SqlParams();
    const { where, rank } = filter(p);
    const visible = visibleDecisionsSql(actor, p);
    const clauses = [...where, ...(visible ? [visible] : [])];
    const sql = `${DECISION_SELECT.replace('SELECT ', 'SELECT count(*) OVER () AS total_count, ')}
      ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
      ORDER BY ${rank ? `${rank} DESC, ` : ''}d.decided_on DESC NULLS LAST, d.created_at DESC, d.id
      ${page ? `LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}` : ''}`;
    const raw = await m.query<Record<string, unknown>[]>(sql, p.values);
    return { rows: raw.map(toDecisionView), total: Number(raw[0]?.total_count ?? 0) };
  }

  async findVisible(actor: Actor, id: string, m?: EntityManager): Promise<DecisionViewDto> {
    const { rows } = await this.views(
      actor,
      (p) => ({ where: [`d.id = ${p.add(id)}`] }),
      undefined,
      m,
    );
    if (!rows[0]) throw ProblemException.notFound('Decision', id);
    return rows[0];
  }

  /** The decisions the actor may read whose `link` array holds `id`, newest first. */
  async linkedTo(actor: Actor, link: DecisionLink, id: string): Promise<DecisionSummaryViewDto[]> {
    const p = new SqlParams();
    const visible = visibleDecisionsSql(actor, p);
    const rows = await this.db.query<Record<string, unknown>[]>(
      `SELECT d.id, d.title, d.status, d.decided_on::text AS decided_on, d.supersedes_id,
              d.superseded_by_id
         FROM decisions d
        WHERE d.${link} @> ARRAY[${p.add(id)}]::uuid[] ${visible ? `AND ${visible}` : ''}
        ORDER BY d.decided_on DESC NULLS LAST, d.created_at DESC, d.id`,
      p.values,
    );
    return rows.map(toDecisionSummary);
  }
}
