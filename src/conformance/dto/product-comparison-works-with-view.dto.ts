import { ApiProperty } from '@nestjs/swagger';

/** A product or shared service the council uses that the product was tested together with. */
export class ProductComparisonWorksWithViewDto {
  @ApiProperty({ enum: ['product', 'shared_service'] })
  type: 'product' | 'shared_service';

  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ['passed', 'failed', 'partially_verified'] })
  result: 'passed' | 'failed' | 'partially_verified';

  @ApiProperty({ format: 'date' })
  testedOn: string;

  @ApiProperty()
  retestDue: boolean;
}
