import { Injectable } from '@nestjs/common';
import {
  type RelationshipView,
  type ServiceView,
  toRelationshipView,
  toServiceView,
} from './catalogue-views.js';
import { RelationshipsRepository } from './relationships.repository.js';
import { ServicesRepository } from './services.repository.js';

/** The whole catalogue as a graph, in two queries whatever its size. */
@Injectable()
export class ServiceGraphService {
  constructor(
    private readonly services: ServicesRepository,
    private readonly relationships: RelationshipsRepository,
  ) {}

  async graph(): Promise<{ nodes: ServiceView[]; edges: RelationshipView[] }> {
    const [services, edges] = await Promise.all([
      this.services.allWithAgency(),
      this.relationships.all(),
    ]);
    return { nodes: services.map(toServiceView), edges: edges.map(toRelationshipView) };
  }
}
