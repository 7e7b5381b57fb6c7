import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { ADOPTION_STAGES, type AdoptionStage } from '../adoption-stage.js';
import { COUNCIL_REF } from '../../organisations/council-ref.js';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** The adoption filters, shared by the list and the CSV export. */
export class AdoptionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @ApiPropertyOptional({ description: 'Council id (UUID) or GSS code, e.g. E09000001' })
  @IsOptional()
  @Matches(COUNCIL_REF, { message: 'councilId must be a UUID or a GSS code such as E09000001' })
  councilId?: string;

  @ApiPropertyOptional({ enum: ADOPTION_STAGES })
  @IsOptional()
  @IsIn(ADOPTION_STAGES)
  stage?: AdoptionStage;

  @ApiPropertyOptional({ example: 'London' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({ example: 'England' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  nation?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "The route's supplier: the product's supplier or the shared service's operator",
  })
  @IsOptional()
  @IsUUID()
  supplierId?: string;

  @ApiPropertyOptional({ description: 'Only adoptions flagged (or not) as needing attention' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  attention?: boolean;
}

/** The filters without paging (CSV export). */
export class AdoptionFilterDto extends OmitType(AdoptionQueryDto, ['page', 'limit'] as const) {}
