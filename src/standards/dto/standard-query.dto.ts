import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { STANDARD_STATUSES, type StandardStatus } from '../standard-lifecycle.js';

export class StandardQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STANDARD_STATUSES })
  @IsOptional()
  @IsIn(STANDARD_STATUSES)
  status?: StandardStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Standards governing this service' })
  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @ApiPropertyOptional({ description: 'Code starts with, or name contains' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
