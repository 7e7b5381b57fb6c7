import { ApiProperty } from '@nestjs/swagger';
import { CASE_RESULTS, type CaseResult } from '../interop-rule.js';
import { InteropPartyRefViewDto } from './interop-party-view.dto.js';

export class InteropMatrixCellViewDto {
  @ApiProperty({ format: 'uuid', description: 'The latest record for the pair' })
  testId: string;

  @ApiProperty({ format: 'uuid' })
  partyAId: string;

  @ApiProperty({ format: 'uuid' })
  partyBId: string;

  @ApiProperty({ enum: CASE_RESULTS })
  result: CaseResult;

  @ApiProperty({ format: 'date' })
  testedOn: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  expiresOn: string | null;

  @ApiProperty()
  retestDue: boolean;
}

export class InteropMatrixStandardViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  code: string;

  @ApiProperty()
  version: string;

  @ApiProperty()
  name: string;
}

/** Rows and columns are the parties; one cell per tested pair (its latest record). */
export class InteropMatrixViewDto {
  @ApiProperty({ type: InteropMatrixStandardViewDto })
  standard: InteropMatrixStandardViewDto;

  @ApiProperty({ type: [InteropPartyRefViewDto] })
  parties: InteropPartyRefViewDto[];

  @ApiProperty({ type: [InteropMatrixCellViewDto] })
  cells: InteropMatrixCellViewDto[];
}
