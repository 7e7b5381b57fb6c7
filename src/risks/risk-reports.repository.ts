import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { streamQuery } from '../common/sql/stream-query.js';
import type { RiskFilterDto, RiskQueryDto } from './dto/risk-query.dto.js';
import { MitigationAction } from './mitigation-action.entity.js';
import { applyRiskFilters } from './risk-filters.js';
import { OPEN_STATUSES, PENDING_ACTION_STATUSES } from './risk-lifecycle.js';
import type { RiskScoring } from './risk-scoring.service.js';
import { Risk } from './risk.entity.js';

/** Open entries counted by residual likelihood × impact. */
export interface HeatmapCellRow {
  likelihood: number;
  impact: number;
  count: number;
}

const TODAY = `(now() AT TIME ZONE 'UTC')::date`;

/** Columns of `risks r` every overdue event carries. */
const TARGET_COLUMNS = `r.id AS risk_id, r.reference, r.title AS risk_title, r.kind, r.residual_score,
  r.scope, r.service_id, r.supplier_id, r.council_id, r.owner_user_id, r.owner_organisation_id,
  ${TODAY}::text AS day`;

/** The entry an overdue event is about. */
export interface OverdueTargetRow {
  risk_id: string;
  reference: string;
  risk_title: string;
  kind: string;
  residual_score: number;
  scope: string;
  service_id: string | null;
  supplier_id: string | null;
  council_id: string | null;
  owner_user_id: string | null;
  owner_organisation_id: string;
  day: string;
}

export type OverdueReviewRow = OverdueTargetRow & { next_review_at: Date; days_overdue: number };

export type OverdueActionRow = OverdueTargetRow & {
  action_id: string;
  action_title: string;
  action_owner_user_id: string | null;
  due_date: string;
  days_overdue: number;
};

/**
 * The register's read models, aggregated in SQL under the caller's visibility and the
 * shared filters, and the daily overdue stamps.
 */
@Injectable()
export class RiskReportsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private risks() {
    return this.db.getRepository(Risk).createQueryBuilder('r');
  }

  heatmapCells(actor: Actor, f: RiskFilterDto, scoring: RiskScoring): Promise<HeatmapCellRow[]> {
    return applyRiskFilters(this.risks(), actor, f, scoring, { openOnly: true })
      .select('r.residual_likelihood', 'likelihood')
      .addSelect('r.residual_impact', 'impact')
      .addSelect('count(*)::int', 'count')
      .groupBy('r.residual_likelihood')
      .addGroupBy('r.residual_impact')
      .getRawMany<HeatmapCellRow>();
  }

  /** Open entries with the highest residual scores (ties: inherent score, then reference). */
  top(
    actor: Actor,
    f: Partial<RiskFilterDto>,
    limit: number,
    scoring: RiskScoring,
  ): Promise<Risk[]> {
    return applyRiskFilters(this.risks(), actor, f, scoring, { openOnly: true })
      .orderBy('r.residualScore', 'DESC')
      .addOrderBy('r.inherentScore', 'DESC')
      .addOrderBy('r.reference', 'ASC')
      .take(limit)
      .getMany();
  }

  /** Open entries whose next review date has passed, most overdue first. */
  overdueReviews(actor: Actor, q: RiskQueryDto, scoring: RiskScoring): Promise<[Risk[], number]> {
    return applyRiskFilters(this.risks(), actor, { ...q, overdue: true }, scoring)
      .orderBy('r.nextReviewAt', 'ASC')
      .addOrderBy('r.reference', 'ASC')
      .skip(q.offset)
      .take(q.limit)
      .getManyAndCount();
  }

  /** Open or in-progress actions past their due date, on open entries, oldest due first. */
  overdueActions(
    actor: Actor,
    q: RiskQueryDto,
    scoring: RiskScoring,
  ): Promise<[MitigationAction[], number]> {
    return applyRiskFilters(
      this.db
        .getRepository(MitigationAction)
        .createQueryBuilder('a')
        .innerJoinAndSelect('a.risk', 'r')
        .where('a.status IN (:...pending)', { pending: PENDING_ACTION_STATUSES })
        .andWhere(`a.due_date < (now() AT TIME ZONE 'UTC')::date`)
        .andWhere('r.status IN (:...open)', { open: OPEN_STATUSES }),
      actor,
      q,
      scoring,
    )
      .orderBy('a.dueDate', 'ASC')
      .addOrderBy('r.reference', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .skip(q.offset)
      .take(q.limit)
      .getManyAndCount();
  }

  /**
   * The entries matching the filters, streamed from a cursor: `rag` and each of `columns`
   * (header and select expression; `:...csvOpen` and `:...csvPending` bound here).
   */
  csvRows(
    actor: Actor,
    f: RiskFilterDto,
    scoring: RiskScoring,
    columns: [header: string, select: string][],
  ): Promise<Readable> {
    const qb = applyRiskFilters(
      this.risks()
        .leftJoin('r.supplier', 's')
        .leftJoin('r.council', 'c')
        .leftJoin('r.ownerOrganisation', 'oo')
        .leftJoin('r.ownerUser', 'ou')
        .leftJoin('r.realisedFrom', 'rf')
        .leftJoin('r.realisedIssue', 'ri'),
      actor,
      f,
      scoring,
    )
      .select(scoring.ragSql('r.residual_score'), 'rag')
      .setParameters({ csvOpen: OPEN_STATUSES, csvPending: PENDING_ACTION_STATUSES });
    for (const [header, sql] of columns) if (sql) qb.addSelect(sql, header);
    const [sql, params] = qb.orderBy('r.reference').getQueryAndParameters();
    return streamQuery(this.db, sql, params);
  }

  /**
   * Stamps today on every open entry whose next review date has passed and that was not
   * yet stamped today, returning them.
   */
  async stampOverdueReviews(m: EntityManager): Promise<OverdueReviewRow[]> {
    const [reviews] = await m.query<[OverdueReviewRow[], number]>(
      `UPDATE risks r SET review_overdue_notified_on = ${TODAY}
        WHERE r.status = ANY($1) AND r.next_review_at < now()
          AND r.review_overdue_notified_on IS DISTINCT FROM ${TODAY}
      RETURNING ${TARGET_COLUMNS}, r.next_review_at,
                (${TODAY} - (r.next_review_at AT TIME ZONE 'UTC')::date) AS days_overdue`,
      [OPEN_STATUSES],
    );
    return reviews;
  }

  /** The same for open or in-progress actions past their due date on open entries. */
  async stampOverdueActions(m: EntityManager): Promise<OverdueActionRow[]> {
    const [actions] = await m.query<[OverdueActionRow[], number]>(
      `UPDATE mitigation_actions a SET overdue_notified_on = ${TODAY}
         FROM risks r
        WHERE r.id = a.risk_id AND r.status = ANY($1) AND a.status = ANY($2)
          AND a.due_date < ${TODAY} AND a.overdue_notified_on IS DISTINCT FROM ${TODAY}
      RETURNING ${TARGET_COLUMNS}, a.id AS action_id, a.title AS action_title,
                a.owner_user_id AS action_owner_user_id, a.due_date::text AS due_date,
                (${TODAY} - a.due_date) AS days_overdue`,
      [OPEN_STATUSES, PENDING_ACTION_STATUSES],
    );
    return actions;
  }
}
