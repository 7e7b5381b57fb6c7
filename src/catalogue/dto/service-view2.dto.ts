import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class ServiceView2Dto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String })
  code: string;

  @ApiProperty({ type: String })
  name: string;
}
