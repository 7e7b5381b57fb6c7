import { ApiProperty } from '@nestjs/swagger';
import { CouncilAndServiceCouncilViewDto } from '../../adoption/dto/council-and-service-council-view.dto.js';
import { CouncilAndServiceServiceViewDto } from '../../adoption/dto/council-and-service-service-view.dto.js';
import { AttentionDataReasonsViewDto } from './attention-data-reasons-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class AttentionDataViewDto {
  @ApiProperty({ type: String, nullable: true })
  stage: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  stageEnteredAt: Date | null;

  @ApiProperty({ type: () => AttentionDataReasonsViewDto, isArray: true })
  reasons: AttentionDataReasonsViewDto[];

  @ApiProperty({ type: () => CouncilAndServiceCouncilViewDto })
  council: CouncilAndServiceCouncilViewDto;

  @ApiProperty({ type: () => CouncilAndServiceServiceViewDto })
  service: CouncilAndServiceServiceViewDto;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  adoptionId: string | null;
}
