import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class ProgressViewDto {
  @ApiProperty({ type: Number })
  deliveries: number;

  @ApiProperty({ type: Number })
  created: number;

  @ApiProperty({ type: Number })
  sending: number;

  @ApiProperty({ type: Number })
  delivered: number;

  @ApiProperty({ type: Number })
  temporaryFailure: number;

  @ApiProperty({ type: Number })
  permanentFailure: number;

  @ApiProperty({ type: Number })
  technicalFailure: number;

  @ApiProperty({ type: Number })
  failed: number;

  @ApiProperty({ type: Number })
  suppliers: number;

  @ApiProperty({ type: Number })
  acknowledged: number;
}
