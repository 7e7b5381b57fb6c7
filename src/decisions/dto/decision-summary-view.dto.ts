import { ApiProperty } from '@nestjs/swagger';
import { DECISION_STATUSES, type DecisionStatus } from '../decision-lifecycle.js';

/** A decision as listed on what it affects (a risk, a requirement, a service). */
export class DecisionSummaryViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String })
  title: string;

  @ApiProperty({ enum: DECISION_STATUSES })
  status: DecisionStatus;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  decidedOn: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  supersedesId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  supersededById: string | null;
}
