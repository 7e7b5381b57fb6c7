import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class CouncilStatusOpenRisksViewDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  id: string | null;

  @ApiProperty({ type: String, nullable: true })
  reference: string | null;

  @ApiProperty({ type: String, nullable: true })
  kind: string | null;

  @ApiProperty({ type: String, nullable: true })
  title: string | null;

  @ApiProperty({ type: String, nullable: true })
  status: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  serviceId: string | null;

  @ApiProperty({ type: Number, nullable: true })
  residualScore: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextReviewAt: string | null;
}
