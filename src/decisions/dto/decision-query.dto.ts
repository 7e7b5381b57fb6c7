import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { OptionalNotNull } from '../../common/validation/version-field.js';
import { DECISION_STATUSES, type DecisionStatus } from '../decision-lifecycle.js';

export class DecisionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    maxLength: 200,
    description:
      'Full-text search over title, context and rationale (web search syntax: "quoted phrase", or, -not)',
  })
  @OptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: DECISION_STATUSES })
  @OptionalNotNull()
  @IsIn(DECISION_STATUSES)
  status?: DecisionStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only decisions affecting this service' })
  @OptionalNotNull()
  @IsUUID()
  serviceId?: string;
}
