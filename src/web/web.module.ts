import { Module } from '@nestjs/common';
import { AdoptionModule } from '../adoption/adoption.module.js';
import { CatalogueModule } from '../catalogue/catalogue.module.js';
import { ConformanceModule } from '../conformance/conformance.module.js';
import { DashboardsModule } from '../dashboards/dashboards.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { CouncilAdoptionController } from './council-adoption.controller.js';
import { CouncilHomeController } from './council-home.controller.js';
import { CouncilProductsController } from './council-products.controller.js';
import { CouncilVariancesController } from './council-variances.controller.js';
import { LanguageController } from './language.controller.js';
import { PageErrorFilter } from './page-error.filter.js';
import { ProgrammeCouncilsController } from './programme/programme-councils.controller.js';
import { RolloutDashboardController } from './programme/rollout-dashboard.controller.js';
import { SignInController } from './sign-in.controller.js';

/**
 * L5: the portal's pages. Controllers call the domain services with the session user's
 * Actor; no rule of access or business is written here a second time.
 */
@Module({
  imports: [
    AdoptionModule,
    CatalogueModule,
    ConformanceModule,
    DashboardsModule,
    OrganisationsModule,
  ],
  controllers: [
    SignInController,
    LanguageController,
    CouncilHomeController,
    CouncilAdoptionController,
    CouncilVariancesController,
    CouncilProductsController,
    RolloutDashboardController,
    ProgrammeCouncilsController,
  ],
  providers: [PageErrorFilter],
})
export class WebModule {}
