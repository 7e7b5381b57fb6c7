import { ApiProperty } from '@nestjs/swagger';
import { CouncilStatusCouncilViewDto } from './council-status-council-view.dto.js';
import { CouncilStatusOpenRisksViewDto } from './council-status-open-risks-view.dto.js';
import { CouncilStatusServicesViewDto } from './council-status-services-view.dto.js';
import { CouncilStatusSummaryViewDto } from './council-status-summary-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class CouncilStatusViewDto {
  @ApiProperty({ type: () => CouncilStatusCouncilViewDto })
  council: CouncilStatusCouncilViewDto;

  @ApiProperty({ type: () => CouncilStatusServicesViewDto, isArray: true })
  services: CouncilStatusServicesViewDto[];

  @ApiProperty({ type: () => CouncilStatusSummaryViewDto })
  summary: CouncilStatusSummaryViewDto;

  @ApiProperty({ type: () => CouncilStatusOpenRisksViewDto, isArray: true })
  openRisks: CouncilStatusOpenRisksViewDto[];
}
