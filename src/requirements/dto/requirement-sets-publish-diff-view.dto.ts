import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class RequirementSetsPublishDiffViewDto {
  @ApiProperty({ type: String, isArray: true })
  removed: string[];

  @ApiProperty({ type: String, isArray: true })
  added: string[];

  @ApiProperty({ type: String, isArray: true })
  changed: string[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  againstSetId: string | null;
}
