import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class DataRiskViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String })
  reference: string;

  @ApiProperty({ type: String })
  title: string;

  @ApiProperty({
    enum: ['identified', 'assessed', 'mitigating', 'monitoring', 'closed', 'realised'],
  })
  status: 'identified' | 'assessed' | 'mitigating' | 'monitoring' | 'closed' | 'realised';

  @ApiProperty({ enum: ['red', 'amber', 'green'] })
  rag: 'red' | 'amber' | 'green';

  @ApiProperty({ type: String, format: 'uuid' })
  ownerOrganisationId: string;
}
