import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class SetRefViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['draft', 'published', 'superseded'] })
  status: 'draft' | 'published' | 'superseded';

  @ApiProperty({ type: Number })
  version: number;
}
