import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class DeliveriesViewDto {
  @ApiProperty({ type: Number })
  email: number;

  @ApiProperty({ type: Number })
  webhook: number;
}
