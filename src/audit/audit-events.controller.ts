import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorators.js';
import { AuditService } from './audit.service.js';
import { AuditEventQueryDto } from './dto/audit-event-query.dto.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { AuditEventViewDto } from './dto/audit-event-view.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly audit: AuditService) {}

  @ApiPagedResponse(AuditEventViewDto)
  @Get()
  @Allow('programme_admin', 'programme_viewer')
  @ApiOperation({ summary: 'Audit log of every mutation, newest first, with filters' })
  list(@Query() q: AuditEventQueryDto) {
    return this.audit.list(q);
  }
}
