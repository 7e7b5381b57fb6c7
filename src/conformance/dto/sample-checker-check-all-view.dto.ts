import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class SampleCheckerCheckAllViewDto {
  @ApiProperty({ type: Number })
  passed: number;

  @ApiProperty({ type: Number })
  failed: number;

  @ApiProperty({ type: Number })
  notTestable: number;
}
