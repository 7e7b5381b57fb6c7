import { ApiProperty } from '@nestjs/swagger';
import { AdoptionViewRouteViewDto } from './adoption-view-route-view.dto.js';
import { CouncilAndServiceCouncilViewDto } from './council-and-service-council-view.dto.js';
import { CouncilAndServiceServiceViewDto } from './council-and-service-service-view.dto.js';
import { AdoptionTargetDatesViewDto } from './adoption-target-dates-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class AdoptionViewDto {
  @ApiProperty({ type: () => AdoptionViewRouteViewDto, nullable: true })
  route: AdoptionViewRouteViewDto | null;

  @ApiProperty({
    enum: [
      'withdrawn',
      'not_started',
      'planning',
      'procurement',
      'implementation',
      'testing',
      'live',
      'paused',
    ],
  })
  stage:
    | 'withdrawn'
    | 'not_started'
    | 'planning'
    | 'procurement'
    | 'implementation'
    | 'testing'
    | 'live'
    | 'paused';

  @ApiProperty({ type: String, format: 'date-time' })
  stageEnteredAt: Date;

  @ApiProperty({ type: () => AdoptionTargetDatesViewDto })
  targetDates: AdoptionTargetDatesViewDto;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  goLiveDate: string | null;

  @ApiProperty({ type: String })
  notes: string;

  @ApiProperty({ type: Boolean })
  attentionRequired: boolean;

  @ApiProperty({ type: String, nullable: true })
  attentionReason: string | null;

  @ApiProperty({ type: Number })
  version: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;

  @ApiProperty({ type: () => CouncilAndServiceCouncilViewDto })
  council: CouncilAndServiceCouncilViewDto;

  @ApiProperty({ type: () => CouncilAndServiceServiceViewDto })
  service: CouncilAndServiceServiceViewDto;

  @ApiProperty({ type: String, format: 'uuid' })
  id: string;
}
