import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { COUNCIL_TYPES, NATIONS } from '../organisation-type.js';

export class CouncilQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: NATIONS })
  @IsOptional()
  @IsIn(NATIONS)
  nation?: string;

  @ApiPropertyOptional({ example: 'London' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({ enum: COUNCIL_TYPES })
  @IsOptional()
  @IsIn(COUNCIL_TYPES)
  type?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Council group id' })
  @IsOptional()
  @IsUUID()
  group?: string;

  @ApiPropertyOptional({ description: 'Name contains, or GSS code starts with' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
