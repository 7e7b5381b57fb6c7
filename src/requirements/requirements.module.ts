import { Module } from '@nestjs/common';
import { RequirementSetVersionsService } from './requirement-set-versions.service.js';
import { RequirementSetsController } from './requirement-sets.controller.js';
import { RequirementSetsRepository } from './requirement-sets.repository.js';
import { RequirementSetsService } from './requirement-sets.service.js';
import { RequirementsRepository } from './requirements.repository.js';
import { RequirementsCsvController } from './requirements-csv.controller.js';
import { RequirementsSeeder } from './requirements.seeder.js';
import { ServiceRequirementSetsController } from './service-requirement-sets.controller.js';

/** L2: versioned minimum functional requirements per service. */
@Module({
  controllers: [
    ServiceRequirementSetsController,
    RequirementSetsController,
    RequirementsCsvController,
  ],
  providers: [
    RequirementSetsService,
    RequirementSetVersionsService,
    RequirementSetsRepository,
    RequirementsRepository,
    RequirementsSeeder,
  ],
  exports: [RequirementsSeeder, RequirementSetsService, RequirementSetVersionsService],
})
export class RequirementsModule {}
