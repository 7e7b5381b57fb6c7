import { ApiProperty } from '@nestjs/swagger';
import { NATIONS } from '../../organisations/organisation-type.js';
import { RULE_STAGES, type RuleStage } from '../readiness-rule.js';

export class CriticalDateViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  code: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ format: 'date' })
  date: string;

  @ApiProperty({ format: 'date', description: 'date − daysBefore' })
  deadline: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  serviceIds: string[];

  @ApiProperty({ enum: NATIONS, isArray: true })
  nations: string[];

  @ApiProperty({ enum: RULE_STAGES })
  minStage: RuleStage;

  @ApiProperty({ type: 'integer' })
  daysBefore: number;

  @ApiProperty()
  mandatorySteps: boolean;

  @ApiProperty({ type: [Number] })
  leadTimes: number[];

  @ApiProperty({ type: 'integer' })
  version: number;
}
