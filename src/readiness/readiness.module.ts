import { Module } from '@nestjs/common';
import { CriticalDatesController } from './critical-dates.controller.js';
import { CriticalDatesRepository } from './critical-dates.repository.js';
import { CriticalDatesService } from './critical-dates.service.js';
import { ReadinessScanHandler } from './readiness-scan.handler.js';
import { ReadinessRepository } from './readiness.repository.js';
import { ReadinessSeeder } from './readiness.seeder.js';
import { ReadinessService } from './readiness.service.js';
import { ReadinessNoticesService } from './readiness-notices.service.js';

/** L3: national critical dates, readiness computed from adoptions, lead-time notices. */
@Module({
  controllers: [CriticalDatesController],
  providers: [
    CriticalDatesRepository,
    ReadinessRepository,
    CriticalDatesService,
    ReadinessService,
    ReadinessNoticesService,
    ReadinessScanHandler,
    ReadinessSeeder,
  ],
  exports: [ReadinessSeeder, ReadinessService, CriticalDatesService],
})
export class ReadinessModule {}
