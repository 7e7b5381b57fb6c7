import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class StandardViewOwnerViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true })
  code: string | null;

  @ApiProperty({ type: String })
  name: string;

  @ApiProperty({ enum: ['COUNCIL', 'SUPPLIER', 'AGENCY', 'PROGRAMME_OFFICE'] })
  type: 'COUNCIL' | 'SUPPLIER' | 'AGENCY' | 'PROGRAMME_OFFICE';
}
