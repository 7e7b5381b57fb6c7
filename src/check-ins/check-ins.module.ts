import { Module } from '@nestjs/common';
import { CheckInQuestionSetsController } from './check-in-question-sets.controller.js';
import { CheckInSchedulesController } from './check-in-schedules.controller.js';
import { CheckInStore } from './check-in-store.service.js';
import { CheckInsController } from './check-ins.controller.js';
import { CheckInsSeeder } from './check-ins.seeder.js';
import { CheckInsService } from './check-ins.service.js';

/** L3: relationship health check-ins with partners (beside risks, decisions, governance). */
@Module({
  controllers: [CheckInsController, CheckInQuestionSetsController, CheckInSchedulesController],
  providers: [CheckInStore, CheckInsService, CheckInsSeeder],
  exports: [CheckInsService, CheckInStore, CheckInsSeeder],
})
export class CheckInsModule {}
