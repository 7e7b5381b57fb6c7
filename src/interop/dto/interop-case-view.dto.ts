import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_RESULTS, type CaseResult } from '../interop-rule.js';

export class InteropCaseViewDto {
  @ApiProperty()
  code: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: CASE_RESULTS })
  result: CaseResult;

  @ApiPropertyOptional()
  note?: string;
}
