import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Matches } from 'class-validator';
import { REQUIREMENT_CODE } from '../../requirements/requirement-lifecycle.js';

/** A requirement a decision affects: the set version and the requirement's code in it. */
export class RequirementLinkDto {
  @ApiProperty({ format: 'uuid', description: 'The requirement set version' })
  @IsUUID()
  requirementSetId: string;

  @ApiProperty({ example: 'FSM-004' })
  @IsString()
  @Matches(REQUIREMENT_CODE)
  code: string;
}
