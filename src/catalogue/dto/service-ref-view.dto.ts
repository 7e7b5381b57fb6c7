import { ApiProperty } from '@nestjs/swagger';

/** A service named in another view. */
export class ServiceRefViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, example: 'FSM' })
  code: string;

  @ApiProperty({ type: String })
  name: string;
}
