import { ApiProperty } from '@nestjs/swagger';
import { ADOPTION_STAGES, type AdoptionStage } from '../../adoption/adoption-stage.js';
import {
  READINESS_REASONS,
  READINESS_STATUSES,
  type ReadinessReason,
  type ReadinessStatus,
} from '../readiness-rule.js';

/** A council's readiness for one date: the worst of its adoptions concerned. */
export class CouncilReadinessViewDto {
  @ApiProperty({ format: 'uuid' })
  councilId: string;

  @ApiProperty({ example: 'E09000001' })
  gssCode: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  region: string;

  @ApiProperty()
  nation: string;

  @ApiProperty({ enum: READINESS_STATUSES })
  status: ReadinessStatus;

  @ApiProperty({ enum: READINESS_REASONS })
  reason: ReadinessReason;

  @ApiProperty({ example: 'ADMISSIONS is at implementation; testing is needed by 2027-02-15' })
  detail: string;

  @ApiProperty({ description: 'The service whose adoption decided it' })
  serviceCode: string;

  @ApiProperty({ enum: ADOPTION_STAGES })
  stage: AdoptionStage;

  @ApiProperty({ type: 'integer', description: 'Mandatory steps not done (up to the stage)' })
  stepsOutstanding: number;
}
