import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class CertificateViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({
    type: String,
    example: 'CD-3F9A61C2-7B04',
    description: 'Printed on the certificate; anyone can check it at /verify-certificate/{number}',
  })
  certificateNumber: string;

  @ApiProperty({ type: String, format: 'uuid' })
  productId: string;

  @ApiProperty({ type: String, format: 'uuid' })
  supplierId: string;

  @ApiProperty({ type: String, format: 'uuid' })
  serviceId: string;

  @ApiProperty({ type: String, format: 'uuid' })
  requirementSetId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  submissionId: string | null;

  @ApiProperty({ enum: ['valid', 'reassessment_due', 'expired', 'revoked'] })
  status: 'valid' | 'reassessment_due' | 'expired' | 'revoked';

  @ApiProperty({ type: String, format: 'date-time' })
  validFrom: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt: Date;

  @ApiProperty({ type: String, nullable: true })
  reassessmentDeadline: string | null;

  @ApiProperty({ type: String, nullable: true })
  revokedReason: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt: Date | null;

  @ApiProperty({ type: Number })
  version: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}
