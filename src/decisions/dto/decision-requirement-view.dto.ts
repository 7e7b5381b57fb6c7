import { ApiProperty } from '@nestjs/swagger';

/** A linked requirement: its id, the set version and code it was linked by. */
export class DecisionRequirementViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid' })
  requirementSetId: string;

  @ApiProperty({ type: 'integer' })
  version: number;

  @ApiProperty({ type: String })
  code: string;

  @ApiProperty({ type: String })
  title: string;
}
