import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { VersionField } from '../../common/validation/version-field.js';
import { ADOPTION_STAGES, type AdoptionStage } from '../adoption-stage.js';

export class AdoptionTransitionDto {
  @ApiProperty({ enum: ADOPTION_STAGES, description: 'Target stage (see the lifecycle)' })
  @IsIn(ADOPTION_STAGES)
  to: AdoptionStage;

  @VersionField()
  version: number;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Kept in the history' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({
    maxLength: 2000,
    description:
      'Programme admins only: move past unfinished mandatory steps, saying why (kept in the history and audit)',
  })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  overrideReason?: string;
}
