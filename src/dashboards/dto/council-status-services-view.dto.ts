import { ApiProperty } from '@nestjs/swagger';
import { CouncilStatusServicesNextTargetViewDto } from './council-status-services-next-target-view.dto.js';
import { CouncilStatusServicesRouteViewDto } from './council-status-services-route-view.dto.js';
import { CouncilStatusServicesServiceViewDto } from './council-status-services-service-view.dto.js';
import { VariancesOfViewDto } from './variances-of-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class CouncilStatusServicesViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  adoptionId: string;

  @ApiProperty({ type: () => CouncilStatusServicesServiceViewDto })
  service: CouncilStatusServicesServiceViewDto;

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

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  stageEnteredAt: string | null;

  @ApiProperty({ type: () => CouncilStatusServicesRouteViewDto, nullable: true })
  route: CouncilStatusServicesRouteViewDto | null;

  @ApiProperty({ type: String, nullable: true })
  certificateStatus: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  certificateExpiresAt: string | null;

  @ApiProperty({ type: () => VariancesOfViewDto, isArray: true })
  approvedVariances: VariancesOfViewDto[];

  @ApiProperty({ type: () => CouncilStatusServicesNextTargetViewDto, nullable: true })
  nextTarget: CouncilStatusServicesNextTargetViewDto | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  goLiveDate: string | null;

  @ApiProperty({ type: Boolean })
  attentionRequired: boolean;

  @ApiProperty({ type: String, nullable: true })
  attentionReason: string | null;

  @ApiProperty({ type: Number })
  version: number;
}
