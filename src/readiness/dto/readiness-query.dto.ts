import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OptionalNotNull } from '../../common/validation/version-field.js';
import { READINESS_STATUSES, type ReadinessStatus } from '../readiness-rule.js';

export class ReadinessQueryDto {
  @ApiPropertyOptional({ enum: READINESS_STATUSES, description: 'Only councils in this status' })
  @OptionalNotNull()
  @IsIn(READINESS_STATUSES)
  status?: ReadinessStatus;
}
