import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { OptionalNotNull } from '../../common/validation/version-field.js';
import { CASE_RESULTS, type CaseResult } from '../interop-rule.js';

export class InteropCaseDto {
  @ApiProperty({ example: 'ECS-TC-01' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, { message: 'code must be a short reference' })
  code: string;

  @ApiProperty({ example: 'Eligible child: positive response within 2 s' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title: string;

  @ApiProperty({ enum: CASE_RESULTS })
  @IsIn(CASE_RESULTS)
  result: CaseResult;

  @ApiPropertyOptional({ maxLength: 1000 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
