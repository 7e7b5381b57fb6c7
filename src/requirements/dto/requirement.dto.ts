import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import {
  REQUIREMENT_CODE,
  REQUIREMENT_LEVELS,
  type RequirementLevel,
} from '../requirement-lifecycle.js';

/** A requirement's content, without its code (the path names it). */
export class RequirementContentDto {
  @ApiProperty({ example: 'Apply online for a reception place' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional({
    example: 'The system MUST let a parent apply for a reception place online.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiProperty({ enum: REQUIREMENT_LEVELS })
  @IsIn(REQUIREMENT_LEVELS, { message: 'level must be MUST, SHOULD or MAY' })
  level: RequirementLevel;

  @ApiPropertyOptional({ example: 'Application' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  category?: string;

  @ApiPropertyOptional({ example: 'Given a parent signed in, when … then …' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  acceptanceCriteria?: string;
}

export class RequirementDto extends RequirementContentDto {
  @ApiProperty({ example: 'ADM-014', description: 'Unique within the set' })
  @Matches(REQUIREMENT_CODE, { message: 'code must look like ADM-014' })
  code: string;
}
