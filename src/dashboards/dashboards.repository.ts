import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  adoptionDashboardStatement,
  attentionStatement,
  councilStatusStatement,
  type DashboardFilters,
  filterOptionsStatement,
  type Statement,
} from './dashboard-queries.js';

/** A row of a dashboard statement, shaped by the matching `shape…` function. */
export type DashboardRow = Record<string, unknown>;

/**
 * Runs the dashboard statements of dashboard-queries.ts on the pool, and reads the
 * read-model generation: a counter every transaction that changes a table the dashboards
 * read bumps once, at commit (triggers in migration 1796073283158-read-model-generation).
 * Same number → same data, on every api replica.
 */
@Injectable()
export class DashboardsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The generation now: read it BEFORE the data it tags, so a tag is never newer than its answer. */
  async generation(): Promise<string> {
    const [row] = await this.db.query<{ g: string }[]>(
      `SELECT generation::text AS g FROM read_model_generation WHERE id = 1`,
    );
    return row.g;
  }

  adoptionDashboard(f: DashboardFilters, months?: number): Promise<DashboardRow[]> {
    return this.run(adoptionDashboardStatement(f, months));
  }

  filterOptions(): Promise<DashboardRow[]> {
    return this.run(filterOptionsStatement());
  }

  attention(
    f: DashboardFilters,
    opts: { stalledDays: number; limit: number; offset: number; today: string },
  ): Promise<DashboardRow[]> {
    return this.run(attentionStatement(f, opts));
  }

  councilStatus(councilId: string, today: string): Promise<DashboardRow[]> {
    return this.run(councilStatusStatement(councilId, today));
  }

  /** The id of the council with this GSS code. */
  async councilIdByGssCode(gssCode: string): Promise<string | null> {
    const [row] = await this.db.query<{ id: string }[]>(
      `SELECT id FROM organisations WHERE type = 'COUNCIL' AND gss_code = $1`,
      [gssCode],
    );
    return row?.id ?? null;
  }

  private run(s: Statement): Promise<DashboardRow[]> {
    return this.db.query<DashboardRow[]>(s.sql, s.params);
  }
}
