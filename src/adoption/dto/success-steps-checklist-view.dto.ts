import { ApiProperty } from '@nestjs/swagger';
import { SuccessStepsChecklistDataViewDto } from './success-steps-checklist-data-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class SuccessStepsChecklistViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  adoptionId: string;

  @ApiProperty({
    enum: [
      'withdrawn',
      'not_started',
      'planning',
      'procurement',
      'implementation',
      'testing',
      'live',
      'paused',
    ],
  })
  stage:
    | 'withdrawn'
    | 'not_started'
    | 'planning'
    | 'procurement'
    | 'implementation'
    | 'testing'
    | 'live'
    | 'paused';

  @ApiProperty({ type: () => SuccessStepsChecklistDataViewDto, isArray: true })
  data: SuccessStepsChecklistDataViewDto[];
}
