import { ApiProperty } from '@nestjs/swagger';
import { RefViewDto } from './ref-view.dto.js';
import { RelationshipViewStandardViewDto } from './relationship-view-standard-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class RelationshipViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['depends_on', 'exchanges_data_with'] })
  type: 'depends_on' | 'exchanges_data_with';

  @ApiProperty({ type: () => RefViewDto })
  from: RefViewDto;

  @ApiProperty({ type: () => RefViewDto })
  to: RefViewDto;

  @ApiProperty({ type: () => RelationshipViewStandardViewDto, nullable: true })
  standard: RelationshipViewStandardViewDto | null;

  @ApiProperty({ type: String })
  description: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}
