import type { CriticalDate } from './critical-date.entity.js';
import type { ReadinessCountsViewDto } from './dto/readiness-counts-view.dto.js';
import type { ReadinessViewDto } from './dto/readiness-view.dto.js';
import type { ReadinessStatus } from './readiness-rule.js';
import { READINESS_COUNTS_SELECT, readinessCtes, TODAY_SQL } from './readiness-sql.js';
import {
  daysUntil,
  type ReadinessRow,
  toCouncilReadinessView,
  toCriticalDateView,
} from './readiness-views.js';

/**
 * The statements of a date's readiness view and the shaping of their rows, shared by the
 * api and the benchmark's bare Fastify + pg server so both run exactly the same SQL.
 */
export interface Statement {
  sql: string;
  params: unknown[];
}

export interface CountRow {
  by: 'total' | 'nation' | 'region';
  key: string | null;
  status: ReadinessStatus;
  n: number;
}

export interface ReadinessResult {
  councils: ReadinessRow[];
  counts: CountRow[];
}

export interface SnapshotRow {
  on: string;
  ready: number;
  at_risk: number;
  not_ready: number;
}

/** A critical date's columns under the entity's property names (raw SQL reads). */
export const DATE_COLUMNS = `cd.id, cd.code, cd.name, cd.description, cd.date::text AS date,
  cd.service_ids AS "serviceIds", cd.nations, cd.min_stage AS "minStage",
  cd.days_before AS "daysBefore", cd.mandatory_steps AS "mandatorySteps",
  cd.lead_times AS "leadTimes", cd.version`;

/** The three statements of `GET /critical-dates/{id}/readiness`, whatever the councils. */
export function readinessStatements(id: string, status: ReadinessStatus | null) {
  const ctes = readinessCtes('cd.id = $1');
  return {
    date: { sql: `SELECT ${DATE_COLUMNS} FROM critical_dates cd WHERE cd.id = $1`, params: [id] },
    /** The councils (worst first) and the counts, from one evaluation of the readiness. */
    readiness: {
      sql: `WITH ${ctes}, counts AS (${READINESS_COUNTS_SELECT})
            SELECT (SELECT COALESCE(json_agg(r ORDER BY r.severity DESC, r.nation, r.region, r.name), '[]')
                      FROM readiness r WHERE $2::text IS NULL OR r.status = $2) AS councils,
                   (SELECT COALESCE(json_agg(c), '[]') FROM counts c) AS counts`,
      params: [id, status],
    },
    trend: {
      sql: `SELECT taken_on::text AS on, ready, at_risk, not_ready FROM readiness_snapshots
             WHERE critical_date_id = $1 AND taken_on < ${TODAY_SQL} ORDER BY taken_on`,
      params: [id],
    },
  } satisfies Record<string, Statement>;
}

const FIELD: Record<ReadinessStatus, 'ready' | 'atRisk' | 'notReady'> = {
  ready: 'ready',
  at_risk: 'atRisk',
  not_ready: 'notReady',
};

const empty = (): ReadinessCountsViewDto => ({ ready: 0, atRisk: 0, notReady: 0, councils: 0 });

function group(rows: CountRow[], by: CountRow['by']): ReadinessCountsViewDto[] {
  const out = new Map<string, ReadinessCountsViewDto>();
  for (const r of rows.filter((x) => x.by === by)) {
    const c = out.get(r.key ?? '') ?? { ...(r.key ? { key: r.key } : {}), ...empty() };
    c[FIELD[r.status]] += r.n;
    c.councils += r.n;
    out.set(r.key ?? '', c);
  }
  return [...out.values()].sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));
}

export function shapeReadiness(
  date: CriticalDate,
  rows: ReadinessRow[],
  counts: CountRow[],
  snapshots: SnapshotRow[],
  now = new Date(),
): ReadinessViewDto {
  const totals = group(counts, 'total')[0] ?? empty();
  return {
    criticalDate: toCriticalDateView(date),
    daysToGo: daysUntil(date.date, now),
    totals,
    byNation: group(counts, 'nation'),
    byRegion: group(counts, 'region'),
    trend: [
      ...snapshots.map((s) => ({
        on: s.on,
        daysToGo: daysUntil(date.date, new Date(`${s.on}T00:00:00Z`)),
        ready: s.ready,
        atRisk: s.at_risk,
        notReady: s.not_ready,
      })),
      {
        on: now.toISOString().slice(0, 10),
        daysToGo: daysUntil(date.date, now),
        ready: totals.ready,
        atRisk: totals.atRisk,
        notReady: totals.notReady,
      },
    ],
    councils: rows.map(toCouncilReadinessView),
  };
}
