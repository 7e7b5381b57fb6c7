import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { IsIsoDate } from '../../common/validation/is-iso-date.decorator.js';
import { VersionField } from '../../common/validation/version-field.js';
import { VARIANCE_STATUSES, type VarianceStatus } from '../adoption-lifecycle.js';
import { COUNCIL_REF } from '../../organisations/council-ref.js';

export class ProposeVarianceDto {
  @ApiProperty({
    example: 'ADM-014',
    description: "A code of the service's published requirements",
  })
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9-]{0,39}$/, { message: 'requirementCode must look like ADM-014' })
  requirementCode: string;

  @ApiProperty({ maxLength: 2000, description: 'How the council deviates' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  description: string;

  @ApiProperty({ maxLength: 5000, description: 'Why' })
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  justification: string;

  @ApiProperty({ example: '2027-08-31', description: 'Last day the variance applies (future)' })
  @IsIsoDate()
  expiresOn: string;
}

export class VarianceTransitionDto {
  @ApiProperty({
    enum: VARIANCE_STATUSES,
    description: 'approved / rejected (programme admin), withdrawn (the council or an admin)',
  })
  @IsIn(VARIANCE_STATUSES)
  to: VarianceStatus;

  @VersionField()
  version: number;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required to reject' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;
}

/** Variances across adoptions: "which councils deviate from ADM-014?". */
export class VarianceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'ADM-014' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  requirementCode?: string;

  @ApiPropertyOptional({ description: 'Council id (UUID) or GSS code, e.g. E09000001' })
  @IsOptional()
  @Matches(COUNCIL_REF, { message: 'councilId must be a UUID or a GSS code such as E09000001' })
  councilId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @ApiPropertyOptional({ enum: VARIANCE_STATUSES })
  @IsOptional()
  @IsIn(VARIANCE_STATUSES)
  status?: VarianceStatus;
}
