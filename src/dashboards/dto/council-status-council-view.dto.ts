import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class CouncilStatusCouncilViewDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  id: string | null;

  @ApiProperty({ type: String, nullable: true })
  name: string | null;

  @ApiProperty({ type: String, nullable: true })
  gssCode: string | null;

  @ApiProperty({ type: String, nullable: true })
  councilType: string | null;

  @ApiProperty({ type: String, nullable: true })
  nation: string | null;

  @ApiProperty({ type: String, nullable: true })
  region: string | null;
}
