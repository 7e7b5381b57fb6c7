import { ApiPropertyOptional } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class AudienceFilterViewDto {
  @ApiPropertyOptional({ type: String, isArray: true })
  supplierIds?: string[];

  @ApiPropertyOptional({ enum: ['active', 'not_invited', 'invited', 'inactive'], isArray: true })
  onboardingStatuses?: ('active' | 'not_invited' | 'invited' | 'inactive')[];

  @ApiPropertyOptional({ type: String, isArray: true })
  serviceIds?: string[];

  @ApiPropertyOptional({
    enum: ['draft', 'published', 'in_remediation', 'suspended', 'unpublished'],
    isArray: true,
  })
  productStatuses?: ('draft' | 'published' | 'in_remediation' | 'suspended' | 'unpublished')[];

  @ApiPropertyOptional({ enum: ['valid', 'reassessment_due', 'expired', 'revoked'], isArray: true })
  certificateStatuses?: ('valid' | 'reassessment_due' | 'expired' | 'revoked')[];

  @ApiPropertyOptional({ type: String, isArray: true })
  regions?: string[];

  @ApiPropertyOptional({ type: String, isArray: true })
  nations?: string[];

  @ApiPropertyOptional({ type: String, isArray: true })
  councilGroupIds?: string[];
}
