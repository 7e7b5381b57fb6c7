import { ApiProperty } from '@nestjs/swagger';
import { AdoptionHistoryViewDto } from './adoption-history-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class AdoptionsHistoryViewDto {
  @ApiProperty({ type: () => AdoptionHistoryViewDto, isArray: true })
  data: AdoptionHistoryViewDto[];
}
