import { ApiProperty } from '@nestjs/swagger';
import { BENEFIT_STATUSES, type BenefitStatus } from '../benefit-sql.js';
import { BENEFIT_TYPES, DIRECTIONS } from '../benefit.entity.js';
import { BenefitBaselineViewDto } from './benefit-baseline-view.dto.js';
import { BenefitPointViewDto } from './benefit-point-view.dto.js';
import { BenefitTargetViewDto } from './benefit-target-view.dto.js';

/** A benefit or disbenefit with its computed status (response body). */
export class BenefitViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String })
  title: string;

  @ApiProperty({ type: String })
  description: string;

  @ApiProperty({ enum: BENEFIT_TYPES })
  type: string;

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  serviceIds: string[];

  @ApiProperty({ type: String, format: 'uuid' })
  ownerOrganisationId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  ownerUserId: string | null;

  @ApiProperty({ type: String })
  measureName: string;

  @ApiProperty({ type: String })
  unit: string;

  @ApiProperty({ enum: DIRECTIONS })
  direction: string;

  @ApiProperty({ type: () => BenefitBaselineViewDto })
  baseline: BenefitBaselineViewDto;

  @ApiProperty({ type: () => BenefitTargetViewDto })
  target: BenefitTargetViewDto;

  @ApiProperty({ type: Number })
  tolerancePct: number;

  @ApiProperty({ type: Number, nullable: true })
  threshold: number | null;

  @ApiProperty({ type: Number, nullable: true })
  valuePerUnit: number | null;

  @ApiProperty({ type: String })
  evidence: string;

  @ApiProperty({ type: () => BenefitPointViewDto, nullable: true })
  latest: BenefitPointViewDto | null;

  @ApiProperty({ type: Number, nullable: true, description: 'The value the path expects now' })
  expected: number | null;

  @ApiProperty({ enum: BENEFIT_STATUSES })
  status: BenefitStatus;

  @ApiProperty({ type: Number, nullable: true })
  realisedValue: number | null;

  @ApiProperty({ type: () => BenefitPointViewDto, isArray: true })
  sparkline: BenefitPointViewDto[];

  @ApiProperty({ type: Number })
  version: number;
}
