import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ProblemException } from '../common/errors/problem.exception.js';
import { SqlParams } from '../common/sql/sql-params.js';
import { CheckInSchedule } from './check-in-schedule.entity.js';
import { type Filter, type PageArgs, paging, SCHEDULE_SELECT, withTotal } from './check-in-sql.js';
import { toScheduleView } from './check-in-views.js';
import type { ScheduleViewDto } from './dto/schedule.dto.js';

/** A partner's check-in cadence (`check_in_schedules`). */
@Injectable()
export class CheckInSchedulesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async schedules(filter: Filter, page?: PageArgs, m: EntityManager = this.db.manager) {
    const p = new SqlParams();
    const clauses = filter(p);
    const sql = `${withTotal(SCHEDULE_SELECT)}
      ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY o.name, s.id
      ${paging(p, page)}`;
    const raw = await m.query<Record<string, unknown>[]>(sql, p.values);
    return { rows: raw.map(toScheduleView), total: Number(raw[0]?.total_count ?? 0) };
  }

  async schedule(id: string, m?: EntityManager): Promise<ScheduleViewDto> {
    const { rows } = await this.schedules((p) => [`s.id = ${p.add(id)}`], undefined, m);
    if (!rows[0]) throw ProblemException.notFound('Check-in schedule', id);
    return rows[0];
  }

  /** A schedule unless the partner has one already; its id, or undefined. */
  async addSchedule(
    m: EntityManager,
    organisationId: string,
    cadenceWeeks: number,
  ): Promise<string | undefined> {
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO check_in_schedules (organisation_id, cadence_weeks) VALUES ($1, $2)
       ON CONFLICT (organisation_id) DO NOTHING RETURNING id`,
      [organisationId, cadenceWeeks],
    );
    return row?.id;
  }

  async lockForChange(m: EntityManager, id: string): Promise<CheckInSchedule | null> {
    return m.findOne(CheckInSchedule, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async change(m: EntityManager, id: string, changes: Partial<CheckInSchedule>) {
    await m.update(CheckInSchedule, id, changes);
  }

  async active(m: EntityManager, id: string): Promise<CheckInSchedule | null> {
    return m.findOneBy(CheckInSchedule, { id, active: true });
  }
}
