import { Module } from '@nestjs/common';
import { AdoptionExportsController } from './adoption-exports.controller.js';
import { AdoptionKnockOnSubscriber } from './adoption-knock-on.subscriber.js';
import { AdoptionLifecycleService } from './adoption-lifecycle.service.js';
import { AdoptionScopeSubscriber } from './adoption-scope.subscriber.js';
import { AdoptionRulesRepository } from './adoption-rules.repository.js';
import { AdoptionRules } from './adoption-rules.service.js';
import { AdoptionScopeRepository } from './adoption-scope.repository.js';
import { AdoptionStore } from './adoption-store.service.js';
import { AdoptionVariancesController } from './adoption-variances.controller.js';
import { AdoptionVariancesService } from './adoption-variances.service.js';
import { AdoptionSeeder } from './adoption.seeder.js';
import { AdoptionsController } from './adoptions.controller.js';
import { AdoptionsRepository } from './adoptions.repository.js';
import { AdoptionsService } from './adoptions.service.js';
import { SuccessStepsController } from './success-steps.controller.js';
import { SuccessStepsRepository } from './success-steps.repository.js';
import { SuccessStepsService } from './success-steps.service.js';
import { VariancesRepository } from './variances.repository.js';

/** L3: council adoption of services — routes, stages, variances, steps to success. */
@Module({
  controllers: [
    AdoptionsController,
    AdoptionVariancesController,
    SuccessStepsController,
    AdoptionExportsController,
  ],
  providers: [
    AdoptionsRepository,
    AdoptionScopeRepository,
    AdoptionRulesRepository,
    VariancesRepository,
    SuccessStepsRepository,
    AdoptionStore,
    AdoptionRules,
    AdoptionsService,
    AdoptionLifecycleService,
    AdoptionVariancesService,
    SuccessStepsService,
    AdoptionKnockOnSubscriber,
    AdoptionScopeSubscriber,
    AdoptionSeeder,
  ],
  exports: [
    AdoptionSeeder,
    AdoptionsService,
    AdoptionLifecycleService,
    AdoptionVariancesService,
    SuccessStepsService,
  ],
})
export class AdoptionModule {}
