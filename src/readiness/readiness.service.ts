import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { SqlParams } from '../common/sql/sql-params.js';
import { COUNCIL_REF, councilIdSql, isGssCode } from '../organisations/council-ref.js';
import { CriticalDatesService } from './critical-dates.service.js';
import { CriticalDate } from './critical-date.entity.js';
import type { CouncilReadinessListViewDto } from './dto/council-readiness-list-view.dto.js';
import type { ReadinessCountsViewDto } from './dto/readiness-counts-view.dto.js';
import type { ReadinessQueryDto } from './dto/readiness-query.dto.js';
import type { ReadinessViewDto } from './dto/readiness-view.dto.js';
import type { ReadinessStatus } from './readiness-rule.js';
import { READINESS_COUNTS_SELECT, readinessCtes, TODAY_SQL } from './readiness-sql.js';
import {
  daysUntil,
  type ReadinessRow,
  toCouncilReadinessView,
  toCriticalDateView,
} from './readiness-views.js';

interface CountRow {
  by: 'total' | 'nation' | 'region';
  key: string | null;
  status: ReadinessStatus;
  n: number;
}

const FIELD: Record<ReadinessStatus, 'ready' | 'atRisk' | 'notReady'> = {
  ready: 'ready',
  at_risk: 'atRisk',
  not_ready: 'notReady',
};

/**
 * Readiness reads, each a fixed number of statements whatever the number of councils:
 * a date's view (the date, the councils, the counts, the trend) and a council's own
 * readiness for every coming date.
 */
@Injectable()
export class ReadinessService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly dates: CriticalDatesService,
  ) {}

  async forDate(id: string, q: ReadinessQueryDto): Promise<ReadinessViewDto> {
    const date = await this.dates.get(id);
    const ctes = readinessCtes('cd.id = $1');
    const rows: ReadinessRow[] = await this.db.query(
      `WITH ${ctes} SELECT * FROM readiness
        WHERE $2::text IS NULL OR status = $2
        ORDER BY severity DESC, nation, region, name`,
      [id, q.status ?? null],
    );
    const counts: CountRow[] = await this.db.query(`WITH ${ctes} ${READINESS_COUNTS_SELECT}`, [id]);
    const snapshots: { on: string; ready: number; at_risk: number; not_ready: number }[] =
      await this.db.query(
        `SELECT taken_on::text AS on, ready, at_risk, not_ready FROM readiness_snapshots
          WHERE critical_date_id = $1 AND taken_on < ${TODAY_SQL} ORDER BY taken_on`,
        [id],
      );
    const totals = this.group(counts, 'total')[0] ?? this.empty();
    const today = new Date().toISOString().slice(0, 10);
    return {
      criticalDate: toCriticalDateView(date),
      daysToGo: daysUntil(date.date),
      totals: { ...totals, key: undefined },
      byNation: this.group(counts, 'nation'),
      byRegion: this.group(counts, 'region'),
      trend: [
        ...snapshots.map((s) => ({
          on: s.on,
          daysToGo: daysUntil(date.date, new Date(`${s.on}T00:00:00Z`)),
          ready: s.ready,
          atRisk: s.at_risk,
          notReady: s.not_ready,
        })),
        {
          on: today,
          daysToGo: daysUntil(date.date),
          ready: totals.ready,
          atRisk: totals.atRisk,
          notReady: totals.notReady,
        },
      ],
      councils: rows.map(toCouncilReadinessView),
    };
  }

  /** A council's readiness for every coming date that concerns it (council: its own only). */
  async forCouncil(actor: Actor, councilRef: string): Promise<CouncilReadinessListViewDto> {
    if (!COUNCIL_REF.test(councilRef)) {
      throw ProblemException.invalidFields([
        { field: 'councilId', message: 'must be a UUID or a GSS code such as E09000001' },
      ]);
    }
    const norm = isGssCode(councilRef.toUpperCase())
      ? councilRef.toUpperCase()
      : councilRef.toLowerCase();
    const p = new SqlParams();
    const ref = p.add(norm);
    const [council]: { id: string; gss_code: string; name: string }[] = await this.db.query(
      `SELECT id, gss_code, name FROM organisations
        WHERE type = 'COUNCIL' AND id = ${councilIdSql(norm, ref)}`,
      p.values,
    );
    if (!council || (actor.role === 'council' && actor.organisationId !== council.id)) {
      throw ProblemException.notFound('Council', councilRef);
    }
    const rows: (ReadinessRow & { critical_date: Record<string, unknown> })[] = await this.db.query(
      `WITH ${readinessCtes(`cd.date >= ${TODAY_SQL}`, 'a.council_id = $1')}
         SELECT r.*, row_to_json(cd) AS critical_date
           FROM readiness r JOIN critical_dates cd ON cd.id = r.date_id
          ORDER BY cd.date, cd.code`,
      [council.id],
    );
    return {
      councilId: council.id,
      gssCode: council.gss_code,
      name: council.name,
      dates: rows.map((r) => {
        const date = this.db.getRepository(CriticalDate).create(this.camel(r.critical_date));
        const {
          councilId: _c,
          gssCode: _g,
          name: _n,
          region: _r,
          nation: _na,
          ...rest
        } = toCouncilReadinessView(r);
        return { ...rest, criticalDate: toCriticalDateView(date), daysToGo: daysUntil(date.date) };
      }),
    };
  }

  private camel(row: Record<string, unknown>): Partial<CriticalDate> {
    return Object.fromEntries(
      Object.entries(row).map(([k, v]) => [
        k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
        v,
      ]),
    );
  }

  private empty(): ReadinessCountsViewDto {
    return { ready: 0, atRisk: 0, notReady: 0, councils: 0 };
  }

  private group(rows: CountRow[], by: CountRow['by']): ReadinessCountsViewDto[] {
    const out = new Map<string, ReadinessCountsViewDto>();
    for (const r of rows.filter((x) => x.by === by)) {
      const key = r.key ?? '';
      const c = out.get(key) ?? { key: r.key ?? undefined, ...this.empty() };
      c[FIELD[r.status]] += r.n;
      c.councils += r.n;
      out.set(key, c);
    }
    return [...out.values()].sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));
  }
}
