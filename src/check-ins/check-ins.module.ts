import { Module } from '@nestjs/common';
import { CheckInQuestionSetsController } from './check-in-question-sets.controller.js';
import { CheckInSchedulesController } from './check-in-schedules.controller.js';
import { CheckInSchedulesRepository } from './check-in-schedules.repository.js';
import { CheckInsController } from './check-ins.controller.js';
import { CheckInsRepository } from './check-ins.repository.js';
import { CheckInsSeeder } from './check-ins.seeder.js';
import { CheckInsService } from './check-ins.service.js';
import { QuestionSetsRepository } from './question-sets.repository.js';

/** L3: relationship health check-ins with partners (beside risks, decisions, governance). */
@Module({
  controllers: [CheckInsController, CheckInQuestionSetsController, CheckInSchedulesController],
  providers: [
    CheckInsRepository,
    QuestionSetsRepository,
    CheckInSchedulesRepository,
    CheckInsService,
    CheckInsSeeder,
  ],
  exports: [CheckInsService, CheckInsRepository, CheckInsSeeder],
})
export class CheckInsModule {}
