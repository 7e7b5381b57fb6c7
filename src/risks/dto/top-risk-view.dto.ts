import { ApiProperty } from '@nestjs/swagger';
import { DataRiskViewDto } from './data-risk-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class TopRiskViewDto {
  @ApiProperty({ type: Number })
  daysOverdue: number;

  @ApiProperty({ type: () => DataRiskViewDto })
  risk: DataRiskViewDto;

  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid' })
  riskId: string;

  @ApiProperty({ type: String })
  title: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  ownerUserId: string | null;

  @ApiProperty({ type: String, format: 'date' })
  dueDate: string;

  @ApiProperty({ enum: ['in_progress', 'cancelled', 'open', 'done'] })
  status: 'in_progress' | 'cancelled' | 'open' | 'done';

  @ApiProperty({ type: Boolean })
  overdue: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt: Date | null;

  @ApiProperty({ type: Number })
  version: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}
