import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class RequirementCountsViewDto {
  @ApiProperty({ type: Number })
  total: number;

  @ApiProperty({ type: Number })
  MUST: number;

  @ApiProperty({ type: Number })
  SHOULD: number;

  @ApiProperty({ type: Number })
  MAY: number;
}
