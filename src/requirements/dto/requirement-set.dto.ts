import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../../common/validation/is-iso-date.decorator.js';
import { MAX_REQUIREMENTS } from '../requirement-lifecycle.js';
import { RequirementDto } from './requirement.dto.js';

export class CreateRequirementSetDto {
  @ApiProperty({ example: 'Online school admissions: minimum functional requirements' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  summary?: string;

  @ApiProperty({ type: [RequirementDto], maxItems: MAX_REQUIREMENTS })
  @IsArray()
  @ArrayMaxSize(MAX_REQUIREMENTS)
  @ValidateNested({ each: true })
  @Type(() => RequirementDto)
  requirements: RequirementDto[];
}

export class UpdateRequirementSetDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  summary?: string;

  @ApiPropertyOptional({
    type: [RequirementDto],
    maxItems: MAX_REQUIREMENTS,
    description: "Replaces all the draft's requirements",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_REQUIREMENTS)
  @ValidateNested({ each: true })
  @Type(() => RequirementDto)
  requirements?: RequirementDto[];
}

export class PublishRequirementSetDto {
  @ApiProperty({ example: '2027-04-01', description: 'The date the version takes effect' })
  @IsIsoDate()
  effectiveDate: string;

  @ApiPropertyOptional({ description: 'Why (kept in the audit log)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
