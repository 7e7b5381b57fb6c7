import { Global, Module } from '@nestjs/common';
import { AuditEventsController } from './audit-events.controller.js';
import { AuditService } from './audit.service.js';

/** L1: the append-only audit log. Global so every domain service can record. */
@Global()
@Module({
  controllers: [AuditEventsController],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
