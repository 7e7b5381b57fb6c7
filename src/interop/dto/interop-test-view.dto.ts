import { ApiProperty } from '@nestjs/swagger';
import {
  CASE_RESULTS,
  type CaseResult,
  RETEST_REASONS,
  type RetestReason,
} from '../interop-rule.js';
import { InteropCaseViewDto } from './interop-case-view.dto.js';
import { InteropPartyViewDto } from './interop-party-view.dto.js';

export class InteropTestViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  standardId: string;

  @ApiProperty({ example: 'FSM-ECS-REQUEST' })
  standardCode: string;

  @ApiProperty({ example: '1.0' })
  standardVersion: string;

  @ApiProperty({ type: InteropPartyViewDto })
  partyA: InteropPartyViewDto;

  @ApiProperty({ type: InteropPartyViewDto })
  partyB: InteropPartyViewDto;

  @ApiProperty({ type: [InteropCaseViewDto] })
  cases: InteropCaseViewDto[];

  @ApiProperty({ enum: CASE_RESULTS })
  result: CaseResult;

  @ApiProperty({ format: 'date' })
  testedOn: string;

  @ApiProperty()
  evidenceUrl: string;

  @ApiProperty()
  witness: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  expiresOn: string | null;

  @ApiProperty()
  retestDue: boolean;

  @ApiProperty({ enum: RETEST_REASONS, nullable: true })
  retestReason: RetestReason | null;

  @ApiProperty({ type: 'integer' })
  version: number;
}
