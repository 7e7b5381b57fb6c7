import { ApiProperty } from '@nestjs/swagger';
import { StepViewDto } from './step-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class SuccessStepsListForServiceViewDto {
  @ApiProperty({ type: () => StepViewDto, isArray: true })
  data: StepViewDto[];
}
