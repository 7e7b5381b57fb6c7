import { ApiProperty } from '@nestjs/swagger';
import { DECISION_STATUSES, type DecisionStatus } from '../decision-lifecycle.js';
import { DecisionOptionViewDto } from './decision-option-view.dto.js';
import { DecisionRequirementViewDto } from './decision-requirement-view.dto.js';

const Ids = () => ApiProperty({ type: String, format: 'uuid', isArray: true });

/** A decision record (response body). */
export class DecisionViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String })
  title: string;

  @ApiProperty({ type: String })
  context: string;

  @ApiProperty({ type: () => DecisionOptionViewDto, isArray: true })
  options: DecisionOptionViewDto[];

  @ApiProperty({ type: String })
  outcome: string;

  @ApiProperty({ type: String })
  rationale: string;

  @ApiProperty({ type: String })
  consequences: string;

  @ApiProperty({ enum: DECISION_STATUSES })
  status: DecisionStatus;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The decision this one replaces',
  })
  supersedesId: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The decision that replaced this one',
  })
  supersededById: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  decidedByMeetingId: string | null;

  @ApiProperty({ type: String, isArray: true })
  decidedByPeople: string[];

  @Ids()
  consultedOrganisationIds: string[];

  @Ids()
  informedOrganisationIds: string[];

  @ApiProperty({ type: Boolean })
  publicToProgramme: boolean;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  decidedOn: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  reviewDate: string | null;

  @ApiProperty({ type: String, nullable: true })
  revocationReason: string | null;

  @Ids()
  riskIds: string[];

  @ApiProperty({ type: () => DecisionRequirementViewDto, isArray: true })
  requirements: DecisionRequirementViewDto[];

  @Ids()
  serviceIds: string[];

  @Ids()
  standardIds: string[];

  @Ids()
  localVarianceIds: string[];

  @Ids()
  productIds: string[];

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: 'integer' })
  version: number;
}
