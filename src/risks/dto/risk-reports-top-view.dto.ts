import { ApiProperty } from '@nestjs/swagger';
import { RiskViewDto } from './risk-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class RiskReportsTopViewDto {
  @ApiProperty({ type: () => RiskViewDto, isArray: true })
  data: RiskViewDto[];
}
