import { ApiProperty } from '@nestjs/swagger';
import { GoverningStandardViewDto } from './governing-standard-view.dto.js';
import { SampleViewDto } from './sample-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class SubmissionSamplesListViewDto {
  @ApiProperty({ type: () => SampleViewDto, isArray: true })
  data: SampleViewDto[];

  @ApiProperty({ type: () => GoverningStandardViewDto, isArray: true })
  standards: GoverningStandardViewDto[];
}
