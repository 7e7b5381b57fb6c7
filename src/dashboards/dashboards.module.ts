import { Module } from '@nestjs/common';
import { DashboardsController } from './dashboards.controller.js';
import { DashboardsService } from './dashboards.service.js';
import { ReadModelGeneration } from './read-model-generation.js';
import { SupplierOverviewService } from './supplier-overview.service.js';

/** L4: SQL-aggregated views across the programme (adoption, attention, council status). */
@Module({
  controllers: [DashboardsController],
  providers: [DashboardsService, ReadModelGeneration, SupplierOverviewService],
  exports: [DashboardsService, SupplierOverviewService],
})
export class DashboardsModule {}
