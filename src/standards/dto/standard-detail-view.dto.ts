import { ApiProperty } from '@nestjs/swagger';
import { StandardViewOwnerViewDto } from './standard-view-owner-view.dto.js';
import { StandardViewServicesViewDto } from './standard-view-services-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class StandardDetailViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String })
  code: string;

  @ApiProperty({ type: String })
  name: string;

  @ApiProperty({ type: String })
  version: string;

  @ApiProperty({ type: String })
  description: string;

  @ApiProperty({ type: () => StandardViewOwnerViewDto })
  owner: StandardViewOwnerViewDto;

  @ApiProperty({ enum: ['active', 'retired', 'draft', 'deprecated'] })
  status: 'active' | 'retired' | 'draft' | 'deprecated';

  @ApiProperty({ type: String, nullable: true })
  effectiveFrom: string | null;

  @ApiProperty({ type: String, nullable: true })
  deprecatedFrom: string | null;

  @ApiProperty({ type: String, nullable: true })
  retiredFrom: string | null;

  @ApiProperty({ type: () => StandardViewServicesViewDto, isArray: true })
  services: StandardViewServicesViewDto[];

  @ApiProperty({ type: Boolean })
  hasSchema: boolean;

  @ApiProperty({ type: Number })
  revision: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  jsonSchema: Record<string, unknown> | null;
}
