import { Module } from '@nestjs/common';
import { DashboardsController } from './dashboards.controller.js';
import { DashboardsRepository } from './dashboards.repository.js';
import { DashboardsService } from './dashboards.service.js';
import { SupplierOverviewRepository } from './supplier-overview.repository.js';
import { SupplierOverviewService } from './supplier-overview.service.js';

/** L4: SQL-aggregated views across the programme (adoption, attention, council status). */
@Module({
  controllers: [DashboardsController],
  providers: [
    DashboardsService,
    DashboardsRepository,
    SupplierOverviewService,
    SupplierOverviewRepository,
  ],
  exports: [DashboardsService, SupplierOverviewService],
})
export class DashboardsModule {}
