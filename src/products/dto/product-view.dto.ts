import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class ProductViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid' })
  supplierId: string;

  @ApiProperty({ type: String })
  name: string;

  @ApiProperty({ type: String })
  productVersion: string;

  @ApiProperty({ type: String })
  description: string;

  @ApiProperty({ enum: ['draft', 'published', 'in_remediation', 'suspended', 'unpublished'] })
  status: 'draft' | 'published' | 'in_remediation' | 'suspended' | 'unpublished';

  @ApiProperty({ type: String, nullable: true })
  statusReason: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: Date | null;

  @ApiProperty({ type: String, isArray: true })
  serviceIds: string[];

  @ApiProperty({ type: Number })
  version: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}
