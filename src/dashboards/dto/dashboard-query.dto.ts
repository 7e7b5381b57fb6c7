import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';

export class DashboardQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @ApiPropertyOptional({ example: 'England' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  nation?: string;

  @ApiPropertyOptional({ example: 'London' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "Only adoptions routed through this supplier's products or shared services",
  })
  @IsOptional()
  @IsUUID()
  supplierId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only councils in this council group' })
  @IsOptional()
  @IsUUID()
  councilGroupId?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 60,
    default: 12,
    description: 'Months of live trend',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60)
  months: number = 12;
}

export class AttentionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @ApiPropertyOptional({ example: 'England' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  nation?: string;

  @ApiPropertyOptional({ example: 'London' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "Only adoptions routed through this supplier's products or shared services",
  })
  @IsOptional()
  @IsUUID()
  supplierId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only councils in this council group' })
  @IsOptional()
  @IsUUID()
  councilGroupId?: string;
}
