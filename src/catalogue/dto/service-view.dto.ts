import { ApiProperty } from '@nestjs/swagger';
import { ServiceScopeViewDto } from './service-scope-view.dto.js';
import { ServiceViewLeadAgencyViewDto } from './service-view-lead-agency-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class ServiceViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String })
  code: string;

  @ApiProperty({ type: String })
  name: string;

  @ApiProperty({ type: String })
  description: string;

  @ApiProperty({ type: () => ServiceViewLeadAgencyViewDto })
  leadAgency: ServiceViewLeadAgencyViewDto;

  @ApiProperty({ enum: ['council_delivered', 'shared'] })
  deliveryModel: 'council_delivered' | 'shared';

  @ApiProperty({ enum: ['live', 'planned', 'piloting', 'retired'] })
  status: 'live' | 'planned' | 'piloting' | 'retired';

  @ApiProperty({
    type: () => ServiceScopeViewDto,
    description: 'Which councils must adopt the service (the union of the three lists)',
  })
  scope: ServiceScopeViewDto;

  @ApiProperty({ type: Number })
  version: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}
