import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { SqlParams } from '../common/sql/sql-params.js';
import { councilIdSql } from '../organisations/council-ref.js';
import type { CriticalDate } from './critical-date.entity.js';
import {
  DATE_COLUMNS,
  type ReadinessResult,
  readinessStatements,
  type SnapshotRow,
  type Statement,
} from './readiness-queries.js';
import type { ReadinessStatus } from './readiness-rule.js';
import { readinessCtes, TODAY_SQL } from './readiness-sql.js';
import type { ReadinessRow } from './readiness-views.js';

export interface CouncilRow {
  id: string;
  gss_code: string;
  name: string;
}

export type CouncilReadinessRow = ReadinessRow & { critical_date: CriticalDate };

export interface NoticeRow {
  critical_date_id: string;
  date_name: string;
  date: string;
  lead_days: number;
  council_id: string;
  gss_code: string;
  council_name: string;
  status: string;
  reason: string;
  communication_id: string | null;
  sent_at: Date;
  total: number;
}

export interface AnnouncedRow {
  date_id: string;
  code: string;
  name: string;
  date: string;
  lead_days: number;
  council_ids: string[];
  supplier_ids: string[];
}

/** Coming dates with the lead time due today: the smallest lead ≥ the days left. */
const DUE_DATES = `cd.date >= ${TODAY_SQL}
  AND EXISTS (SELECT 1 FROM unnest(cd.lead_times) l WHERE l >= cd.date - ${TODAY_SQL})`;

/**
 * Readiness computed in SQL from adoptions (readiness-sql.ts), its daily snapshots and the
 * lead-time notices: a fixed number of statements whatever the number of councils.
 */
@Injectable()
export class ReadinessRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A council by UUID or GSS code (already normalised). */
  async council(norm: string): Promise<CouncilRow | undefined> {
    const p = new SqlParams();
    const ref = p.add(norm);
    const [council]: CouncilRow[] = await this.db.query(
      `SELECT id, gss_code, name FROM organisations
        WHERE type = 'COUNCIL' AND id = ${councilIdSql(norm, ref)}`,
      p.values,
    );
    return council;
  }

  /** A date's view: the date, then (if it exists) its councils and counts, and its trend. */
  async forDate(
    id: string,
    status: ReadinessStatus | null,
  ): Promise<{ date: CriticalDate; result: ReadinessResult; trend: SnapshotRow[] } | null> {
    const st = readinessStatements(id, status);
    const run = <T>(s: Statement): Promise<T> => this.db.query(s.sql, s.params);
    const [date] = await run<CriticalDate[]>(st.date);
    if (!date) return null;
    const [result] = await run<ReadinessResult[]>(st.readiness);
    const trend = await run<SnapshotRow[]>(st.trend);
    return { date, result, trend };
  }

  /** A council's readiness for every coming date that concerns it, by date then code. */
  async forCouncil(councilId: string): Promise<CouncilReadinessRow[]> {
    return this.db.query(
      `WITH ${readinessCtes(`cd.date >= ${TODAY_SQL}`, 'a.council_id = $1')}
         SELECT r.*, (SELECT row_to_json(x) FROM (SELECT ${DATE_COLUMNS}) x) AS critical_date
           FROM readiness r JOIN critical_dates cd ON cd.id = r.date_id
          ORDER BY cd.date, cd.code`,
      [councilId],
    );
  }

  /** A page of notices, newest first, scoped by `scope` (and a lead time if given). */
  async notices(
    scope: (p: SqlParams) => string,
    leadDays: number | undefined,
    limit: number,
    offset: number,
  ): Promise<NoticeRow[]> {
    const p = new SqlParams();
    const where = [scope(p)];
    if (leadDays !== undefined) where.push(`n.lead_days = ${p.add(leadDays)}`);
    return this.db.query(
      `SELECT n.critical_date_id, cd.name AS date_name, cd.date::text AS date, n.lead_days,
              n.council_id, o.gss_code, o.name AS council_name, n.status, n.reason,
              n.communication_id, n.sent_at, count(*) OVER ()::int AS total
         FROM readiness_notices n
         JOIN critical_dates cd ON cd.id = n.critical_date_id
         JOIN organisations o ON o.id = n.council_id
        WHERE ${where.join(' AND ')}
        ORDER BY n.sent_at DESC, n.lead_days, o.name, n.council_id
        LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`,
      p.values,
    );
  }

  /** Today's counts of every coming date become its trend snapshot; the dates snapshotted. */
  async snapshot(m: EntityManager): Promise<number> {
    const rows: { critical_date_id: string }[] = await m.query(
      `WITH ${readinessCtes(`cd.date >= ${TODAY_SQL}`)}
         INSERT INTO readiness_snapshots (critical_date_id, taken_on, ready, at_risk, not_ready)
         SELECT cd.id, ${TODAY_SQL},
                count(r.council_id) FILTER (WHERE r.status = 'ready'),
                count(r.council_id) FILTER (WHERE r.status = 'at_risk'),
                count(r.council_id) FILTER (WHERE r.status = 'not_ready')
           FROM critical_dates cd LEFT JOIN readiness r ON r.date_id = cd.id
          WHERE cd.date >= ${TODAY_SQL}
          GROUP BY cd.id
         ON CONFLICT (critical_date_id, taken_on) DO UPDATE
            SET ready = EXCLUDED.ready, at_risk = EXCLUDED.at_risk, not_ready = EXCLUDED.not_ready
         RETURNING critical_date_id`,
    );
    return rows.length;
  }

  /**
   * Records the councils not ready for every date whose lead time is due (date × lead time
   * × council, `ON CONFLICT DO NOTHING`) and returns only the newly recorded ones, by date
   * and lead time, with the suppliers serving them.
   */
  async recordDueNotices(m: EntityManager): Promise<AnnouncedRow[]> {
    return m.query(
      `WITH ${readinessCtes(DUE_DATES)},
         due AS (
           SELECT cd.id, (SELECT min(l) FROM unnest(cd.lead_times) l
                           WHERE l >= cd.date - ${TODAY_SQL}) AS lead_days
             FROM critical_dates cd WHERE ${DUE_DATES}),
         inserted AS (
           INSERT INTO readiness_notices (critical_date_id, lead_days, council_id, status, reason)
           SELECT r.date_id, due.lead_days, r.council_id, r.status, r.reason
             FROM readiness r JOIN due ON due.id = r.date_id
            WHERE r.status <> 'ready'
           ON CONFLICT DO NOTHING
           RETURNING critical_date_id, lead_days, council_id)
         SELECT cd.id AS date_id, cd.code, cd.name, cd.date::text AS date, i.lead_days,
                array_agg(i.council_id ORDER BY i.council_id) AS council_ids,
                ARRAY(
                  SELECT DISTINCT sup.id FROM adoptions a
                    LEFT JOIN products p ON a.route_type = 'product' AND p.id = a.product_id
                    LEFT JOIN shared_services ss
                           ON a.route_type = 'shared_service' AND ss.id = a.shared_service_id
                    JOIN organisations sup ON sup.id = COALESCE(p.supplier_id, ss.operator_id)
                                          AND sup.type = 'SUPPLIER'
                   WHERE a.council_id = ANY(array_agg(i.council_id))
                     AND a.service_id = ANY(cd.service_ids) AND a.stage <> 'withdrawn'
                   ORDER BY sup.id) AS supplier_ids
           FROM inserted i JOIN critical_dates cd ON cd.id = i.critical_date_id
          GROUP BY cd.id, i.lead_days`,
    );
  }
}
