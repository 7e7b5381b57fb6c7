import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { SqlParams } from '../common/sql/sql-params.js';
import { COUNCIL_REF, councilIdSql, isGssCode } from '../organisations/council-ref.js';
import type { CriticalDate } from './critical-date.entity.js';
import type { CouncilReadinessListViewDto } from './dto/council-readiness-list-view.dto.js';
import type { ReadinessQueryDto } from './dto/readiness-query.dto.js';
import type { ReadinessViewDto } from './dto/readiness-view.dto.js';
import {
  DATE_COLUMNS,
  type ReadinessResult,
  readinessStatements,
  shapeReadiness,
  type SnapshotRow,
  type Statement,
} from './readiness-queries.js';
import { readinessCtes, TODAY_SQL } from './readiness-sql.js';
import {
  daysUntil,
  type ReadinessRow,
  toCouncilReadinessView,
  toCriticalDateView,
} from './readiness-views.js';

/**
 * Readiness reads, each a fixed number of statements whatever the number of councils:
 * a date's view (the date, the councils, the counts, the trend) and a council's own
 * readiness for every coming date.
 */
@Injectable()
export class ReadinessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forDate(id: string, q: ReadinessQueryDto): Promise<ReadinessViewDto> {
    const st = readinessStatements(id, q.status ?? null);
    const run = <T>(s: Statement): Promise<T> => this.db.query(s.sql, s.params);
    const [date] = await run<CriticalDate[]>(st.date);
    if (!date) throw ProblemException.notFound('Critical date', id);
    const [{ councils, counts }] = await run<ReadinessResult[]>(st.readiness);
    const snapshots = await run<SnapshotRow[]>(st.trend);
    return shapeReadiness(date, councils, counts, snapshots);
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
    const rows: (ReadinessRow & { critical_date: CriticalDate })[] = await this.db.query(
      `WITH ${readinessCtes(`cd.date >= ${TODAY_SQL}`, 'a.council_id = $1')}
         SELECT r.*, (SELECT row_to_json(x) FROM (SELECT ${DATE_COLUMNS}) x) AS critical_date
           FROM readiness r JOIN critical_dates cd ON cd.id = r.date_id
          ORDER BY cd.date, cd.code`,
      [council.id],
    );
    return {
      councilId: council.id,
      gssCode: council.gss_code,
      name: council.name,
      dates: rows.map((r) => {
        const date = r.critical_date;
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
}
