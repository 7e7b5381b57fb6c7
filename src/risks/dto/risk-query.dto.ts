import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import {
  ESCALATION_LEVELS,
  type EscalationLevel,
  RAGS,
  type Rag,
  RISK_CATEGORIES,
  RISK_KINDS,
  RISK_SCOPES,
  RISK_STATUSES,
  type RiskCategory,
  type RiskKind,
  type RiskScope,
  type RiskStatus,
} from '../risk-lifecycle.js';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** The register's filters, shared by the list, heatmap, top risks, overdue lists and CSV. */
export class RiskQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RISK_KINDS })
  @IsOptional()
  @IsIn(RISK_KINDS)
  kind?: RiskKind;

  @ApiPropertyOptional({ enum: RISK_STATUSES })
  @IsOptional()
  @IsIn(RISK_STATUSES)
  status?: RiskStatus;

  @ApiPropertyOptional({ enum: RAGS, description: 'RAG of the residual score' })
  @IsOptional()
  @IsIn(RAGS)
  rag?: Rag;

  @ApiPropertyOptional({ enum: RISK_SCOPES })
  @IsOptional()
  @IsIn(RISK_SCOPES)
  scope?: RiskScope;

  @ApiPropertyOptional({ enum: RISK_CATEGORIES })
  @IsOptional()
  @IsIn(RISK_CATEGORIES)
  category?: RiskCategory;

  @ApiPropertyOptional({ enum: ESCALATION_LEVELS })
  @IsOptional()
  @IsIn(ESCALATION_LEVELS)
  escalationLevel?: EscalationLevel;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  supplierId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  councilId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerUserId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerOrganisationId?: string;

  @ApiPropertyOptional({ description: 'Only open entries whose next review date has passed' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;
}

/** The filters without paging (heatmap, CSV export). */
export class RiskFilterDto extends OmitType(RiskQueryDto, ['page', 'limit'] as const) {}

export class TopRisksQueryDto extends RiskFilterDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 10;
}
