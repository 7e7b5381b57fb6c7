import { Module } from '@nestjs/common';
import { BenefitMeasurementsRepository } from './benefit-measurements.repository.js';
import { BenefitThresholdSubscriber } from './benefit-threshold.subscriber.js';
import { BenefitThresholdsRepository } from './benefit-thresholds.repository.js';
import { BenefitsRepository } from './benefits.repository.js';
import { BenefitsController } from './benefits.controller.js';
import { BenefitsSeeder } from './benefits.seeder.js';
import { BenefitsService } from './benefits.service.js';

/** L3: benefits and disbenefits, their readings and computed status (beside risks). */
@Module({
  controllers: [BenefitsController],
  providers: [
    BenefitsRepository,
    BenefitMeasurementsRepository,
    BenefitThresholdsRepository,
    BenefitsService,
    BenefitThresholdSubscriber,
    BenefitsSeeder,
  ],
  exports: [BenefitsSeeder, BenefitsService],
})
export class BenefitsModule {}
