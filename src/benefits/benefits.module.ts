import { Module } from '@nestjs/common';
import { BenefitStore } from './benefit-store.service.js';
import { BenefitThresholdSubscriber } from './benefit-threshold.subscriber.js';
import { BenefitsController } from './benefits.controller.js';
import { BenefitsSeeder } from './benefits.seeder.js';
import { BenefitsService } from './benefits.service.js';

/** L3: benefits and disbenefits, their readings and computed status (beside risks). */
@Module({
  controllers: [BenefitsController],
  providers: [BenefitStore, BenefitsService, BenefitThresholdSubscriber, BenefitsSeeder],
  exports: [BenefitsSeeder, BenefitsService],
})
export class BenefitsModule {}
