import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { RISK_STATUSES, type RiskStatus } from '../risk-lifecycle.js';
import { VersionField } from '../../common/validation/version-field.js';

export class RiskTransitionDto {
  @ApiProperty({ enum: RISK_STATUSES, description: 'Target status (see the lifecycle)' })
  @IsIn(RISK_STATUSES)
  to: RiskStatus;

  @ApiPropertyOptional({ description: 'Why; required to close and to reopen', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;

  @VersionField()
  version: number;
}
