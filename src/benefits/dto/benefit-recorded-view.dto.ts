import { ApiProperty } from '@nestjs/swagger';
import { BenefitViewDto } from './benefit-view.dto.js';

/** A reading recorded: the reading as sent, with its id, and the benefit after it. */
export class BenefitRecordedViewDto {
  @ApiProperty({
    type: 'object',
    required: ['id', 'value', 'measuredOn'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      value: { type: 'number' },
      measuredOn: { type: 'string', format: 'date' },
    },
    additionalProperties: true,
  })
  measurement: { id: string; value: number; measuredOn: string };

  @ApiProperty({ type: () => BenefitViewDto })
  benefit: BenefitViewDto;
}
