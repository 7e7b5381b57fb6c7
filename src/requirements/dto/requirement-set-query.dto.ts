import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { REQUIREMENT_SET_STATUSES, type RequirementSetStatus } from '../requirement-lifecycle.js';

export class RequirementSetQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REQUIREMENT_SET_STATUSES })
  @IsOptional()
  @IsIn(REQUIREMENT_SET_STATUSES)
  status?: RequirementSetStatus;
}

export class DiffQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The version to compare against (the base)' })
  @IsUUID()
  against: string;
}
