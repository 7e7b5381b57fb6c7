import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DeepPartial, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { CouncilQueryDto } from './dto/council-query.dto.js';
import { Organisation } from './organisation.entity.js';

export interface CouncilIdRow {
  id: string;
  gss_code: string;
}

@Injectable()
export class OrganisationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  findOneBy(
    where: FindOptionsWhere<Organisation>,
    m: EntityManager = this.db.manager,
  ): Promise<Organisation | null> {
    return m.findOneBy(Organisation, where);
  }

  getById(m: EntityManager, id: string): Promise<Organisation> {
    return m.findOneByOrFail(Organisation, { id });
  }

  existsBy(where: FindOptionsWhere<Organisation>): Promise<boolean> {
    return this.db.getRepository(Organisation).existsBy(where);
  }

  agencies(): Promise<Organisation[]> {
    return this.db
      .getRepository(Organisation)
      .find({ where: { type: 'AGENCY' }, order: { name: 'ASC' } });
  }

  suppliersPage(
    where: FindOptionsWhere<Organisation>,
    skip: number,
    take: number,
  ): Promise<[Organisation[], number]> {
    return this.db.getRepository(Organisation).findAndCount({
      where: { ...where, type: 'SUPPLIER' },
      order: { name: 'ASC' },
      skip,
      take,
    });
  }

  councilsPage(q: CouncilQueryDto): Promise<[Organisation[], number]> {
    const qb = this.db
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .where(`o.type = 'COUNCIL'`);
    if (q.nation) qb.andWhere('o.nation = :nation', { nation: q.nation });
    if (q.region) qb.andWhere('o.region = :region', { region: q.region });
    if (q.type) qb.andWhere('o.council_type = :type', { type: q.type });
    if (q.group) {
      qb.andWhere(
        'o.id IN (SELECT council_id FROM council_group_members WHERE group_id = :group)',
        { group: q.group },
      );
    }
    if (q.q) {
      qb.andWhere('(o.name ILIKE :like OR o.gss_code LIKE :prefix)', {
        like: `%${q.q.replace(/[\\%_]/g, '\\$&')}%`,
        prefix: `${q.q.toUpperCase().replace(/[\\%_]/g, '\\$&')}%`,
      });
    }
    return qb.orderBy('o.gss_code').skip(q.offset).take(q.limit).getManyAndCount();
  }

  /** The councils among the given ids and GSS codes. */
  councilsByIdOrCode(ids: string[], gssCodes: string[]): Promise<CouncilIdRow[]> {
    return this.db.query<CouncilIdRow[]>(
      `SELECT id, gss_code FROM organisations
        WHERE type = 'COUNCIL' AND (id = ANY($1::uuid[]) OR gss_code = ANY($2::text[]))`,
      [ids, gssCodes],
    );
  }

  create(m: EntityManager, organisation: DeepPartial<Organisation>): Promise<Organisation> {
    return m.save(m.create(Organisation, organisation));
  }

  lockForChange(
    m: EntityManager,
    where: FindOptionsWhere<Organisation>,
  ): Promise<Organisation | null> {
    return m.findOne(Organisation, { where, lock: { mode: 'pessimistic_write' } });
  }

  update(m: EntityManager, organisation: Organisation): Promise<Organisation> {
    return m.save(organisation);
  }
}
