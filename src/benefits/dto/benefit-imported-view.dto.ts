import { ApiProperty } from '@nestjs/swagger';
import { BenefitViewDto } from './benefit-view.dto.js';

/** A CSV import: how many readings it added and the benefit after them. */
export class BenefitImportedViewDto {
  @ApiProperty({ type: Number })
  imported: number;

  @ApiProperty({ type: () => BenefitViewDto })
  benefit: BenefitViewDto;
}
