import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type RelationshipView,
  type ServiceView,
  toRelationshipView,
  toServiceView,
} from './catalogue-views.js';
import { RelationshipsService } from './relationships.service.js';
import { Service } from './service.entity.js';

/** The whole catalogue as a graph, in two queries whatever its size. */
@Injectable()
export class ServiceGraphService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly relationships: RelationshipsService,
  ) {}

  async graph(): Promise<{ nodes: ServiceView[]; edges: RelationshipView[] }> {
    const [services, edges] = await Promise.all([
      this.db
        .getRepository(Service)
        .createQueryBuilder('s')
        .innerJoinAndSelect('s.leadAgency', 'a')
        .orderBy('s.code')
        .getMany(),
      this.relationships
        .query()
        .orderBy('r.type')
        .addOrderBy('f.code')
        .addOrderBy('t.code')
        .getMany(),
    ]);
    return { nodes: services.map(toServiceView), edges: edges.map(toRelationshipView) };
  }
}
