import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CriticalDate } from './critical-date.entity.js';
import { TODAY_SQL } from './readiness-sql.js';

/** The programme calendar's table: critical dates and the services they name. */
@Injectable()
export class CriticalDatesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A page of dates (coming, past or all), by date then code, with the total. */
  async page(
    upcoming: boolean | undefined,
    offset: number,
    limit: number,
  ): Promise<[CriticalDate[], number]> {
    const qb = this.db.getRepository(CriticalDate).createQueryBuilder('cd');
    if (upcoming === true) qb.where(`cd.date >= ${TODAY_SQL}`);
    if (upcoming === false) qb.where(`cd.date < ${TODAY_SQL}`);
    return qb.orderBy('cd.date').addOrderBy('cd.code').skip(offset).take(limit).getManyAndCount();
  }

  async find(id: string, m: EntityManager = this.db.manager): Promise<CriticalDate | null> {
    return m.findOne(CriticalDate, { where: { id } });
  }

  async lockForChange(m: EntityManager, id: string): Promise<CriticalDate | null> {
    return m.findOne(CriticalDate, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async exists(id: string): Promise<boolean> {
    const [date] = await this.db.query<unknown[]>(`SELECT 1 FROM critical_dates WHERE id = $1`, [
      id,
    ]);
    return date !== undefined;
  }

  async codeTaken(m: EntityManager, code: string): Promise<boolean> {
    const [taken] = await m.query<unknown[]>(`SELECT 1 FROM critical_dates WHERE code = $1`, [
      code,
    ]);
    return taken !== undefined;
  }

  async persist(m: EntityManager, date: CriticalDate): Promise<CriticalDate> {
    return m.save(date);
  }

  /** The ids among `ids` that name no service, in the given order (one query). */
  async missingServices(m: EntityManager, ids: string[]): Promise<string[]> {
    const [{ missing }]: { missing: string[] }[] = await m.query(
      `SELECT COALESCE(array_agg(x.id ORDER BY x.i), '{}') AS missing
         FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, i)
        WHERE NOT EXISTS (SELECT 1 FROM services s WHERE s.id = x.id)`,
      [ids],
    );
    return missing;
  }
}
