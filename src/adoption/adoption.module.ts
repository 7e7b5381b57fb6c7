import { Module } from '@nestjs/common';
import { AdoptionExportsController } from './adoption-exports.controller.js';
import { AdoptionKnockOnSubscriber } from './adoption-knock-on.subscriber.js';
import { AdoptionLifecycleService } from './adoption-lifecycle.service.js';
import { AdoptionScopeSubscriber } from './adoption-scope.subscriber.js';
import { AdoptionRules } from './adoption-rules.service.js';
import { AdoptionStore } from './adoption-store.service.js';
import { AdoptionVariancesController } from './adoption-variances.controller.js';
import { AdoptionVariancesService } from './adoption-variances.service.js';
import { AdoptionSeeder } from './adoption.seeder.js';
import { AdoptionsController } from './adoptions.controller.js';
import { AdoptionsService } from './adoptions.service.js';
import { SuccessStepsController } from './success-steps.controller.js';
import { SuccessStepsService } from './success-steps.service.js';

/** L3: council adoption of services — routes, stages, variances, steps to success. */
@Module({
  controllers: [
    AdoptionsController,
    AdoptionVariancesController,
    SuccessStepsController,
    AdoptionExportsController,
  ],
  providers: [
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
