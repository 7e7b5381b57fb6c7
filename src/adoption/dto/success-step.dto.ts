import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { VersionField } from '../../common/validation/version-field.js';
import { ADOPTION_STAGES, type AdoptionStage } from '../adoption-stage.js';

const CHECKLIST_STAGES = ADOPTION_STAGES.filter((s) => s !== 'paused' && s !== 'withdrawn');
const present = (_: object, v: unknown) => v !== undefined;

export class CreateSuccessStepDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  serviceId: string;

  @ApiProperty({ enum: CHECKLIST_STAGES, description: 'The stage whose checklist it joins' })
  @IsIn(CHECKLIST_STAGES)
  stage: AdoptionStage;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  mandatory?: boolean;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

export class UpdateSuccessStepDto {
  @VersionField()
  version: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @ValidateIf(present)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @ValidateIf(present)
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsBoolean()
  mandatory?: boolean;

  @ApiPropertyOptional({ minimum: 0 })
  @ValidateIf(present)
  @IsInt()
  @Min(0)
  position?: number;

  @ApiPropertyOptional({ description: 'false retires the step (no longer required)' })
  @ValidateIf(present)
  @IsBoolean()
  active?: boolean;
}

export class SuccessStepQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  serviceId: string;
}

export class MarkStepDto {
  @ApiProperty({ description: 'true: done; false: not done (reopened)' })
  @IsBoolean()
  done: boolean;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
