import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { CatalogueSeeder } from './catalogue.seeder.js';
import { RelationshipsController } from './relationships.controller.js';
import { RelationshipsRepository } from './relationships.repository.js';
import { RelationshipsService } from './relationships.service.js';
import { ServiceGraphService } from './service-graph.service.js';
import { ServicesController } from './services.controller.js';
import { ServicesRepository } from './services.repository.js';
import { ServicesService } from './services.service.js';
import { SharedServicesController } from './shared-services.controller.js';
import { SharedServicesRepository } from './shared-services.repository.js';
import { SharedServicesService } from './shared-services.service.js';

/** L2: the service catalogue, relationships between services, shared services. */
@Module({
  imports: [OrganisationsModule],
  controllers: [ServicesController, RelationshipsController, SharedServicesController],
  providers: [
    ServicesRepository,
    RelationshipsRepository,
    SharedServicesRepository,
    ServicesService,
    RelationshipsService,
    ServiceGraphService,
    SharedServicesService,
    CatalogueSeeder,
  ],
  exports: [
    CatalogueSeeder,
    SharedServicesService,
    ServicesService,
    ServiceGraphService,
    RelationshipsService,
  ],
})
export class CatalogueModule {}
