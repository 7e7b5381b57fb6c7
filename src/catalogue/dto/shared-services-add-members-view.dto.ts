import { ApiProperty } from '@nestjs/swagger';
import { OperatorViewDto } from './operator-view.dto.js';
import { ServiceView2Dto } from './service-view2.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class SharedServicesAddMembersViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String })
  name: string;

  @ApiProperty({ type: String })
  description: string;

  @ApiProperty({ type: () => ServiceView2Dto })
  service: ServiceView2Dto;

  @ApiProperty({ type: () => OperatorViewDto })
  operator: OperatorViewDto;

  @ApiProperty({ type: Number })
  memberCount: number;

  @ApiProperty({ type: Number })
  version: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;

  @ApiProperty({ type: Number })
  added: number;
}
