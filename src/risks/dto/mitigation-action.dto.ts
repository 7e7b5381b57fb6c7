import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsIsoDate } from '../../common/validation/is-iso-date.decorator.js';
import { ACTION_STATUSES, type ActionStatus } from '../risk-lifecycle.js';
import { OptionalNotNull } from '../../common/validation/version-field.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateMitigationActionDto {
  @ApiProperty({ example: 'Agree surge capacity with HMRC for September' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Who does it (suppliers and councils: a user of their organisation)',
  })
  @IsOptional()
  @IsUUID()
  ownerUserId?: string | null;

  @ApiProperty({ format: 'date', example: '2026-12-31' })
  @Matches(DATE, { message: 'dueDate must be a date YYYY-MM-DD' })
  @IsIsoDate()
  dueDate: string;

  @ApiPropertyOptional({ enum: ACTION_STATUSES, default: 'open' })
  @OptionalNotNull()
  @IsIn(ACTION_STATUSES)
  status?: ActionStatus;
}

export class UpdateMitigationActionDto {
  @ApiPropertyOptional({ maxLength: 300 })
  @OptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null clears the owner',
  })
  @IsOptional()
  @IsUUID()
  ownerUserId?: string | null;

  @ApiPropertyOptional({ format: 'date', example: '2026-12-31' })
  @OptionalNotNull()
  @Matches(DATE, { message: 'dueDate must be a date YYYY-MM-DD' })
  @IsIsoDate()
  dueDate?: string;

  @ApiPropertyOptional({ enum: ACTION_STATUSES })
  @OptionalNotNull()
  @IsIn(ACTION_STATUSES)
  status?: ActionStatus;

  @ApiPropertyOptional({ type: 'integer', description: 'The version you read (409 if stale)' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  version?: number;
}
