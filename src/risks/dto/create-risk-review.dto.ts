import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { OptionalScoreField } from './field-decorators.js';
import { OptionalNotNull } from '../../common/validation/version-field.js';

export class CreateRiskReviewDto {
  @ApiProperty({ example: 'Load test passed at 3× peak; likelihood reduced', maxLength: 5000 })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  note: string;

  @OptionalScoreField('Residual likelihood after this review (omit if unchanged)')
  likelihood?: number;

  @OptionalScoreField('Residual impact after this review (omit if unchanged)')
  impact?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'The version you read (409 if stale)' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  version?: number;
}
