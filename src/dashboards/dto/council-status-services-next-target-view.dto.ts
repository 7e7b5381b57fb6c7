import { ApiProperty } from '@nestjs/swagger';
import { ADOPTION_STAGES, type AdoptionStage } from '../../adoption/adoption-stage.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class CouncilStatusServicesNextTargetViewDto {
  @ApiProperty({ enum: ADOPTION_STAGES })
  stage: AdoptionStage;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  date: string | null;
}
