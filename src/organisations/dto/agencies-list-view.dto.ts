import { ApiProperty } from '@nestjs/swagger';
import { AgencyViewDto } from './agency-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class AgenciesListViewDto {
  @ApiProperty({ type: () => AgencyViewDto, isArray: true })
  data: AgencyViewDto[];
}
