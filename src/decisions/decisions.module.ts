import { Module } from '@nestjs/common';
import { DecisionsController } from './decisions.controller.js';
import { DecisionsRepository } from './decisions.repository.js';
import { DecisionsSeeder } from './decisions.seeder.js';
import { DecisionsService } from './decisions.service.js';
import { LinkedDecisionsController } from './linked-decisions.controller.js';
import { LinkedDecisionsService } from './linked-decisions.service.js';

/** L3: the decision log (beside risks). */
@Module({
  controllers: [DecisionsController, LinkedDecisionsController],
  providers: [DecisionsRepository, DecisionsService, LinkedDecisionsService, DecisionsSeeder],
  exports: [DecisionsService, DecisionsSeeder, LinkedDecisionsService],
})
export class DecisionsModule {}
