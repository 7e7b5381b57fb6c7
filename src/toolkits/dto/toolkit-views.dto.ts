import { ApiProperty } from '@nestjs/swagger';
import { RELEASE_STATUSES, type ReleaseStatus } from '../toolkit-release.entity.js';

export class ToolkitFileViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'payments-api.yaml' })
  name: string;

  @ApiProperty({ example: 'application/yaml' })
  contentType: string;

  @ApiProperty({ example: 2048 })
  sizeBytes: number;

  @ApiProperty({ description: 'Hex SHA-256 of the bytes (also the download ETag)' })
  sha256: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class ReleaseStandardViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  code: string;

  @ApiProperty()
  version: string;

  @ApiProperty()
  name: string;
}

export class ReleaseRequirementSetViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  serviceId: string;

  @ApiProperty()
  version: number;

  @ApiProperty()
  title: string;
}

export class ToolkitReleaseViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  toolkitId: string;

  @ApiProperty({ example: '2.1.0' })
  version: string;

  @ApiProperty()
  notes: string;

  @ApiProperty({ enum: RELEASE_STATUSES })
  status: ReleaseStatus;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  publishedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: [ReleaseStandardViewDto] })
  standards: ReleaseStandardViewDto[];

  @ApiProperty({ type: [ReleaseRequirementSetViewDto] })
  requirementSets: ReleaseRequirementSetViewDto[];

  @ApiProperty({ type: [ToolkitFileViewDto] })
  files: ToolkitFileViewDto[];
}

export class ToolkitServiceViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  code: string;

  @ApiProperty()
  name: string;
}

export class LatestReleaseViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  version: string;

  @ApiProperty({ format: 'date-time' })
  publishedAt: string;
}

export class ToolkitViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  code: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  summary: string;

  @ApiProperty({ type: ToolkitServiceViewDto })
  service: ToolkitServiceViewDto;

  @ApiProperty({ type: LatestReleaseViewDto, nullable: true })
  latestRelease: LatestReleaseViewDto | null;

  @ApiProperty({ description: 'Releases the caller can see (drafts: programme office only)' })
  releaseCount: number;
}

export class ToolkitDetailViewDto extends ToolkitViewDto {
  @ApiProperty({ type: [ToolkitReleaseViewDto], description: 'Newest first' })
  releases: ToolkitReleaseViewDto[];
}

export class ToolkitDownloadsRowDto {
  @ApiProperty({ format: 'uuid' })
  releaseId: string;

  @ApiProperty()
  releaseVersion: string;

  @ApiProperty({ format: 'uuid' })
  organisationId: string;

  @ApiProperty()
  organisationName: string;

  @ApiProperty({ example: 'SUPPLIER' })
  organisationType: string;

  @ApiProperty({ description: 'Downloads of any file of the release' })
  downloads: number;

  @ApiProperty({ description: 'Different files of the release downloaded' })
  files: number;

  @ApiProperty({ format: 'date-time' })
  lastDownloadedAt: string;
}

export class ToolkitDownloadsViewDto {
  @ApiProperty({ format: 'uuid' })
  toolkitId: string;

  @ApiProperty({ description: 'Downloads of every release' })
  total: number;

  @ApiProperty({
    type: [ToolkitDownloadsRowDto],
    description: 'Per release (newest first) and organisation (most downloads first)',
  })
  rows: ToolkitDownloadsRowDto[];
}
