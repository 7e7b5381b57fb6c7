import { ApiProperty } from '@nestjs/swagger';
import { StepViewDto } from './step-view.dto.js';

/** Response body: a step with whether this adoption has done it. */
export class SuccessStepsChecklistDataViewDto extends StepViewDto {
  @ApiProperty({ type: Boolean })
  done: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  completedBy: string | null;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;
}
