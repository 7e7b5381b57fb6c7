import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { OptionalNotNull } from '../../common/validation/version-field.js';

export class ReadinessNoticeQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only notices sent at this lead time (days before)' })
  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(366)
  leadDays?: number;
}
