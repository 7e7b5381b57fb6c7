import { Module } from '@nestjs/common';
import { MitigationActionsController } from './mitigation-actions.controller.js';
import { MitigationActionsRepository } from './mitigation-actions.repository.js';
import { MitigationActionsService } from './mitigation-actions.service.js';
import { RiskAssignment } from './risk-assignment.service.js';
import { RiskExportsController } from './risk-exports.controller.js';
import { RiskLifecycleService } from './risk-lifecycle.service.js';
import { RiskNamesRepository } from './risk-names.repository.js';
import { RiskOverdueScanHandler } from './risk-overdue-scan.handler.js';
import { RiskReportsRepository } from './risk-reports.repository.js';
import { RiskReportsService } from './risk-reports.service.js';
import { RiskReviewsController } from './risk-reviews.controller.js';
import { RiskReviewsRepository } from './risk-reviews.repository.js';
import { RiskReviewsService } from './risk-reviews.service.js';
import { RiskScoring } from './risk-scoring.service.js';
import { RiskStore } from './risk-store.service.js';
import { RisksController } from './risks.controller.js';
import { RisksRepository } from './risks.repository.js';
import { RisksSeeder } from './risks.seeder.js';
import { RisksService } from './risks.service.js';

/** L3: the national register of risks, issues and barriers. */
@Module({
  controllers: [
    RisksController,
    RiskReviewsController,
    MitigationActionsController,
    RiskExportsController,
  ],
  providers: [
    RiskScoring,
    RisksRepository,
    MitigationActionsRepository,
    RiskReviewsRepository,
    RiskReportsRepository,
    RiskNamesRepository,
    RiskStore,
    RiskAssignment,
    RisksService,
    RiskLifecycleService,
    RiskReviewsService,
    MitigationActionsService,
    RiskReportsService,
    RiskOverdueScanHandler,
    RisksSeeder,
  ],
  exports: [
    RisksSeeder,
    RiskScoring,
    RisksService,
    RiskLifecycleService,
    RiskReviewsService,
    MitigationActionsService,
    RiskReportsService,
    RiskNamesRepository,
  ],
})
export class RisksModule {}
