import { ApiProperty } from '@nestjs/swagger';
import { ActionViewDto } from './action-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class MitigationActionsListViewDto {
  @ApiProperty({ type: () => ActionViewDto, isArray: true })
  data: ActionViewDto[];
}
