import { ApiProperty } from '@nestjs/swagger';
import { VarianceListItemCouncilViewDto } from './variance-list-item-council-view.dto.js';
import { VarianceViewDto } from './variance-view.dto.js';

/** Response body: the base view with the parts below added. */
export class VarianceListItemViewDto extends VarianceViewDto {
  @ApiProperty({ type: () => VarianceListItemCouncilViewDto })
  council: VarianceListItemCouncilViewDto;

  @ApiProperty({ type: String })
  serviceCode: string;
}
