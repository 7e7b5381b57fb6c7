import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsIsoDate } from '../../common/validation/is-iso-date.decorator.js';
import {
  STANDARD_CODE,
  STANDARD_STATUSES,
  STANDARD_VERSION,
  type StandardStatus,
} from '../standard-lifecycle.js';

const SCHEMA_DOC =
  'JSON Schema, draft 2020-12, for the payloads the standard defines; checked on upload';

export class CreateStandardDto {
  @ApiProperty({ example: 'FSM-ECS-REQUEST', description: 'Upper-case slug' })
  @MaxLength(40)
  @Matches(STANDARD_CODE, { message: 'code must be an upper-case slug such as FSM-ECS-REQUEST' })
  code: string;

  @ApiProperty({ example: '1.0.0' })
  @Matches(STANDARD_VERSION, { message: 'version must look like 1.0 or 1.0.0' })
  version: string;

  @ApiProperty({ example: 'FSM eligibility check request' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiProperty({ format: 'uuid', description: 'The agency or programme office that owns it' })
  @IsUUID()
  ownerId: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Services it governs' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  serviceIds?: string[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: SCHEMA_DOC })
  @IsOptional()
  @IsObject()
  jsonSchema?: Record<string, unknown>;
}

export class UpdateStandardDto {
  @ApiProperty({ description: 'The revision you read (optimistic concurrency)' })
  @IsInt()
  @Min(1)
  revision: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Replaces the list' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  serviceIds?: string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: `${SCHEMA_DOC}; only while draft; null removes it`,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsObject()
  jsonSchema?: Record<string, unknown> | null;
}

export class StandardTransitionDto {
  @ApiProperty({ enum: STANDARD_STATUSES })
  @IsIn(STANDARD_STATUSES)
  to: StandardStatus;

  @ApiPropertyOptional({
    example: '2027-04-01',
    description: 'When the new status takes effect (default: today)',
  })
  @IsOptional()
  @IsIsoDate()
  effectiveDate?: string;

  @ApiPropertyOptional({ description: 'Why (kept in the audit log)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
