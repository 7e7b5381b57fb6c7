import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import {
  CERTIFICATE_STATUSES,
  type CertificateStatus,
} from '../../conformance/certificate-status.js';
import {
  NATIONS,
  ONBOARDING_STATUSES,
  type OnboardingStatus,
} from '../../organisations/organisation-type.js';
import { PRODUCT_STATUSES, type ProductStatus } from '../../products/product-lifecycle.js';
import { ADOPTION_STAGES, type AdoptionStage } from '../../adoption/adoption-stage.js';
import {
  AUDIENCE_RECIPIENTS,
  type AudienceFilter,
  type AudienceRecipients,
} from '../audience-filter.js';

/**
 * The audience filter (see AudienceFilter for the exact meaning): kinds AND-ed, values of
 * one list OR-ed. Unknown statuses, services, council groups and regions are a 400 naming
 * the field (e.g. `audience.serviceIds[1]`).
 */
export class AudienceDto implements AudienceFilter {
  @ApiPropertyOptional({
    enum: AUDIENCE_RECIPIENTS,
    default: 'suppliers',
    description: "Suppliers' contacts (default) or councils' contacts",
  })
  @IsOptional()
  @IsIn(AUDIENCE_RECIPIENTS)
  recipients?: AudienceRecipients;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Councils audience: only these councils',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  councilIds?: string[];

  @ApiPropertyOptional({
    enum: ADOPTION_STAGES,
    isArray: true,
    description:
      'Councils audience: councils with an adoption (of serviceIds when given) in one of these stages',
  })
  @IsOptional()
  @IsArray()
  @IsIn(ADOPTION_STAGES, { each: true })
  adoptionStages?: AdoptionStage[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Only these suppliers (any of them)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true })
  supplierIds?: string[];

  @ApiPropertyOptional({
    enum: ONBOARDING_STATUSES,
    isArray: true,
    description: 'Only suppliers in one of these onboarding statuses',
  })
  @IsOptional()
  @IsArray()
  @IsIn(ONBOARDING_STATUSES, { each: true })
  onboardingStatuses?: OnboardingStatus[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Suppliers with a product delivering one of these services (catalogue ids)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  serviceIds?: string[];

  @ApiPropertyOptional({
    enum: PRODUCT_STATUSES,
    isArray: true,
    description:
      'Suppliers with a product in one of these publication statuses (the same product as the other product conditions)',
  })
  @IsOptional()
  @IsArray()
  @IsIn(PRODUCT_STATUSES, { each: true })
  productStatuses?: ProductStatus[];

  @ApiPropertyOptional({
    enum: CERTIFICATE_STATUSES,
    isArray: true,
    description:
      'Suppliers with a product holding a certificate in one of these statuses (for one of serviceIds when given)',
  })
  @IsOptional()
  @IsArray()
  @IsIn(CERTIFICATE_STATUSES, { each: true })
  certificateStatuses?: CertificateStatus[];

  @ApiPropertyOptional({
    type: [String],
    example: ['London'],
    description: 'Suppliers serving a council in one of these regions (council regions)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  regions?: string[];

  @ApiPropertyOptional({
    enum: NATIONS,
    isArray: true,
    description: 'Suppliers serving a council in one of these nations',
  })
  @IsOptional()
  @IsArray()
  @IsIn(NATIONS, { each: true })
  nations?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Suppliers serving a council that belongs to one of these council groups',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  councilGroupIds?: string[];
}
