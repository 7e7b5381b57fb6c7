import { ApiProperty } from '@nestjs/swagger';

export class ReadinessTrendPointViewDto {
  @ApiProperty({ format: 'date' })
  on: string;

  @ApiProperty({ type: 'integer', description: 'Days from this point to the date' })
  daysToGo: number;

  @ApiProperty({ type: 'integer' })
  ready: number;

  @ApiProperty({ type: 'integer' })
  atRisk: number;

  @ApiProperty({ type: 'integer' })
  notReady: number;
}
