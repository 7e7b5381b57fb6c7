import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { ADOPTION_STAGES, type AdoptionStage } from '../adoption-stage.js';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** The adoption filters, shared by the list and the CSV export. */
export class AdoptionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
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
