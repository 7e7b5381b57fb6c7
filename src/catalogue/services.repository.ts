import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DeepPartial, type EntityManager } from 'typeorm';
import type { ServiceQueryDto } from './dto/service-query.dto.js';
import { Service } from './service.entity.js';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

@Injectable()
export class ServicesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  page(q: ServiceQueryDto): Promise<[Service[], number]> {
    const qb = this.db
      .getRepository(Service)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.leadAgency', 'a');
    if (q.status) qb.andWhere('s.status = :status', { status: q.status });
    if (q.deliveryModel) qb.andWhere('s.delivery_model = :dm', { dm: q.deliveryModel });
    if (q.leadAgencyId) qb.andWhere('s.lead_agency_id = :agency', { agency: q.leadAgencyId });
    if (q.q) {
      qb.andWhere('(s.code LIKE :prefix OR s.name ILIKE :like)', {
        prefix: `${escapeLike(q.q.toUpperCase())}%`,
        like: `%${escapeLike(q.q)}%`,
      });
    }
    return qb.orderBy('s.code').skip(q.offset).take(q.limit).getManyAndCount();
  }

  /** Every service with its lead agency, by code. */
  allWithAgency(): Promise<Service[]> {
    return this.db
      .getRepository(Service)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.leadAgency', 'a')
      .orderBy('s.code')
      .getMany();
  }

  findWithAgency(id: string): Promise<Service | null> {
    return this.db
      .getRepository(Service)
      .findOne({ where: { id }, relations: { leadAgency: true } });
  }

  exists(id: string): Promise<boolean> {
    return this.db.getRepository(Service).existsBy({ id });
  }

  existsByCode(code: string): Promise<boolean> {
    return this.db.getRepository(Service).existsBy({ code });
  }

  create(m: EntityManager, service: DeepPartial<Service>): Promise<Service> {
    return m.save(m.create(Service, service));
  }

  lockForChange(m: EntityManager, id: string): Promise<Service | null> {
    return m.findOne(Service, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  update(m: EntityManager, service: Service): Promise<Service> {
    return m.save(service);
  }
}
