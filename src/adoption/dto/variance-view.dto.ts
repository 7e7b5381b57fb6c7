import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class VarianceViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid' })
  adoptionId: string;

  @ApiProperty({ type: String, format: 'uuid' })
  councilId: string;

  @ApiProperty({ type: String, format: 'uuid' })
  serviceId: string;

  @ApiProperty({ type: String })
  requirementCode: string;

  @ApiProperty({ type: String })
  description: string;

  @ApiProperty({ type: String })
  justification: string;

  @ApiProperty({ type: String, format: 'date' })
  expiresOn: string;

  @ApiProperty({ enum: ['proposed', 'approved', 'rejected', 'withdrawn'] })
  status: 'proposed' | 'approved' | 'rejected' | 'withdrawn';

  @ApiProperty({ type: Boolean })
  inForce: boolean;

  @ApiProperty({ type: String, nullable: true })
  decisionReason: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  decidedByUserId: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt: Date | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  proposedByUserId: string | null;

  @ApiProperty({ type: Number })
  version: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}
