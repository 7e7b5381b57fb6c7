import { Module } from '@nestjs/common';
import { GovernanceGroupsController } from './governance-groups.controller.js';
import { GovernanceRepository } from './governance.repository.js';
import { GovernanceSeeder } from './governance.seeder.js';
import { GovernanceService } from './governance.service.js';
import { MeetingsController } from './meetings.controller.js';

/** L3: governance groups and their meetings (beside risks and decisions). */
@Module({
  controllers: [GovernanceGroupsController, MeetingsController],
  providers: [GovernanceRepository, GovernanceService, GovernanceSeeder],
  exports: [GovernanceService, GovernanceSeeder],
})
export class GovernanceModule {}
