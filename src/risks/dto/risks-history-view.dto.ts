import { ApiProperty } from '@nestjs/swagger';
import { HistoryViewDto } from './history-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class RisksHistoryViewDto {
  @ApiProperty({ type: () => HistoryViewDto, isArray: true })
  data: HistoryViewDto[];
}
