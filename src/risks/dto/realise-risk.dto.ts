import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { ESCALATION_LEVELS, type EscalationLevel } from '../risk-lifecycle.js';
import { OptionalNotNull, VersionField } from '../../common/validation/version-field.js';

export class RealiseRiskDto {
  @VersionField()
  version: number;

  @ApiPropertyOptional({
    description: 'Title of the new issue (default: "Realised: <risk title>")',
  })
  @OptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ description: "What happened (default: the risk's description)" })
  @OptionalNotNull()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({
    enum: ESCALATION_LEVELS,
    description: "Escalation of the new issue (default: the risk's)",
  })
  @OptionalNotNull()
  @IsIn(ESCALATION_LEVELS)
  escalationLevel?: EscalationLevel;
}
