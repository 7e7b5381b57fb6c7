import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { OptionalNotNull } from '../../common/validation/version-field.js';

/** Accepting carries the version read, if the client has one. */
export class AcceptDecisionDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: 'The version you read (409 if stale)',
  })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  version?: number;
}

/** Revoking needs a reason. */
export class RevokeDecisionDto extends AcceptDecisionDto {
  @ApiProperty({ maxLength: 2000, example: 'Replaced by the national contract' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}
