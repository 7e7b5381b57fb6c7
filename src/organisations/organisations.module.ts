import { Module } from '@nestjs/common';
import { AgenciesController } from './agencies.controller.js';
import { AgenciesService } from './agencies.service.js';
import { CouncilContactsController } from './council-contacts.controller.js';
import { CouncilContactsService } from './council-contacts.service.js';
import { CouncilGroupsController } from './council-groups.controller.js';
import { CouncilGroupsRepository } from './council-groups.repository.js';
import { CouncilGroupsService } from './council-groups.service.js';
import { ContactsRepository } from './contacts.repository.js';
import { ContactSubscriptionsController } from './contact-subscriptions.controller.js';
import { CouncilsController } from './councils.controller.js';
import { CouncilsService } from './councils.service.js';
import { OrganisationsRepository } from './organisations.repository.js';
import { OrganisationsSeeder } from './organisations.seeder.js';
import { SupplierContactsController } from './supplier-contacts.controller.js';
import { SupplierContactsService } from './supplier-contacts.service.js';
import { SupplierWebhookController } from './supplier-webhook.controller.js';
import { SupplierWebhookService } from './supplier-webhook.service.js';
import { SupplierWebhooksRepository } from './supplier-webhooks.repository.js';
import { SuppliersController } from './suppliers.controller.js';
import { SuppliersService } from './suppliers.service.js';

/** L2: councils, council groups, suppliers (contacts, webhook), agencies. */
@Module({
  controllers: [
    CouncilsController,
    CouncilContactsController,
    CouncilGroupsController,
    SuppliersController,
    SupplierContactsController,
    ContactSubscriptionsController,
    SupplierWebhookController,
    AgenciesController,
  ],
  providers: [
    OrganisationsRepository,
    CouncilGroupsRepository,
    ContactsRepository,
    SupplierWebhooksRepository,
    CouncilsService,
    CouncilContactsService,
    CouncilGroupsService,
    SuppliersService,
    SupplierContactsService,
    SupplierWebhookService,
    AgenciesService,
    OrganisationsSeeder,
  ],
  exports: [
    OrganisationsRepository,
    CouncilGroupsRepository,
    CouncilsService,
    SuppliersService,
    SupplierContactsService,
    SupplierWebhookService,
    OrganisationsSeeder,
  ],
})
export class OrganisationsModule {}
