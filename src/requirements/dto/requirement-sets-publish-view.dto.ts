import { ApiProperty } from '@nestjs/swagger';
import { RequirementCountsViewDto } from './requirement-counts-view.dto.js';
import { RequirementSetsPublishDiffViewDto } from './requirement-sets-publish-diff-view.dto.js';
import { ServiceView3Dto } from './service-view3.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class RequirementSetsPublishViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: () => ServiceView3Dto })
  service: ServiceView3Dto;

  @ApiProperty({ type: Number })
  version: number;

  @ApiProperty({ enum: ['draft', 'published', 'superseded'] })
  status: 'draft' | 'published' | 'superseded';

  @ApiProperty({ type: String })
  title: string;

  @ApiProperty({ type: String })
  summary: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  effectiveDate: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  supersededAt: Date | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  basedOnId: string | null;

  @ApiProperty({ type: () => RequirementCountsViewDto })
  requirementCounts: RequirementCountsViewDto;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;

  @ApiProperty({ type: () => RequirementSetsPublishDiffViewDto })
  diff: RequirementSetsPublishDiffViewDto;
}
