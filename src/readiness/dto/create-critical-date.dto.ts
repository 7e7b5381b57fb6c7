import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsIsoDate } from '../../common/validation/is-iso-date.decorator.js';
import { OptionalNotNull } from '../../common/validation/version-field.js';
import { NATIONS } from '../../organisations/organisation-type.js';
import { RULE_STAGES, type RuleStage } from '../readiness-rule.js';

export class CreateCriticalDateDto {
  @ApiProperty({ example: 'SEC-OFFER-2027', description: 'Stable reference (unique)' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,39}$/, {
    message: 'code must be 2–40 capital letters, digits or hyphens',
  })
  code: string;

  @ApiProperty({ example: 'Secondary national offer day' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiProperty({ format: 'date', example: '2027-03-01' })
  @IsIsoDate()
  date: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The services it concerns' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  serviceIds: string[];

  @ApiProperty({ enum: NATIONS, isArray: true, description: 'Nations whose councils it binds' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(NATIONS.length)
  @ArrayUnique()
  @IsIn(NATIONS, { each: true })
  nations: string[];

  @ApiProperty({ enum: RULE_STAGES, description: 'Ready: at least this stage by the deadline' })
  @IsIn(RULE_STAGES)
  minStage: RuleStage;

  @ApiProperty({ minimum: 0, maximum: 365, description: 'Deadline = date − daysBefore' })
  @IsInt()
  @Min(0)
  @Max(365)
  daysBefore: number;

  @ApiPropertyOptional({ default: true, description: "The stage's mandatory steps must be done" })
  @OptionalNotNull()
  @IsBoolean()
  mandatorySteps?: boolean;

  @ApiPropertyOptional({
    type: [Number],
    default: [60, 30, 14],
    description: 'Days before the date at which councils not ready get a notice',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(365, { each: true })
  leadTimes?: number[];
}
