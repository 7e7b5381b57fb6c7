import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  ONBOARDING_STATUSES,
  type OnboardingStatus,
} from '../../organisations/organisation-type.js';
import type { AudienceFilter } from '../audience-filter.js';

export class AudienceDto implements AudienceFilter {
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
}
