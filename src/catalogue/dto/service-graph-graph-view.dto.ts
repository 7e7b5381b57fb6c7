import { ApiProperty } from '@nestjs/swagger';
import { RelationshipViewDto } from './relationship-view.dto.js';
import { ServiceViewDto } from './service-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class ServiceGraphGraphViewDto {
  @ApiProperty({ type: () => ServiceViewDto, isArray: true })
  nodes: ServiceViewDto[];

  @ApiProperty({ type: () => RelationshipViewDto, isArray: true })
  edges: RelationshipViewDto[];
}
