import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { IsIsoDate } from '../../common/validation/is-iso-date.decorator.js';
import {
  EVALUATION_STATUSES,
  type EvaluationStatus,
  WCAG_LEVELS,
  type WcagLevel,
} from '../usability-evaluation.entity.js';
import { IsDecimal, OptionalNotNull, VersionField } from '../../common/validation/version-field.js';

export class CreateEvaluationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  productId: string;

  @ApiProperty({ minimum: 0, maximum: 100, description: 'System Usability Scale score' })
  @IsDecimal(1)
  @Min(0)
  @Max(100)
  susScore: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  taskCompletionPercent: number;

  @ApiProperty({ enum: WCAG_LEVELS })
  @IsIn(WCAG_LEVELS)
  wcagLevel: WcagLevel;

  @ApiProperty({ example: '2026-10-14' })
  @IsIsoDate()
  evaluatedOn: string;

  @ApiProperty({ example: 'https://reports.example/usability/123.pdf' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  reportUrl: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(200)
  evaluator?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(5000)
  summary?: string;
}

export class UpdateEvaluationDto {
  @VersionField()
  version: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @OptionalNotNull()
  @IsDecimal(1)
  @Min(0)
  @Max(100)
  susScore?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100 })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(100)
  taskCompletionPercent?: number;

  @ApiPropertyOptional({ enum: WCAG_LEVELS })
  @OptionalNotNull()
  @IsIn(WCAG_LEVELS)
  wcagLevel?: WcagLevel;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsIsoDate()
  evaluatedOn?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  reportUrl?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(200)
  evaluator?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(5000)
  summary?: string;
}

export class EvaluationReplyDto {
  @VersionField()
  version: number;

  @ApiProperty({ maxLength: 5000, description: "The supplier's right of reply" })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reply: string;
}

export class EvaluationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  productId?: string;

  @ApiPropertyOptional({ enum: EVALUATION_STATUSES })
  @IsOptional()
  @IsIn(EVALUATION_STATUSES)
  status?: EvaluationStatus;
}
