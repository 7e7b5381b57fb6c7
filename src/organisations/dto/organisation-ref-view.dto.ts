import { ApiProperty } from '@nestjs/swagger';
import { ORGANISATION_TYPES } from '../organisation-type.js';

/** An organisation named in another view. */
export class OrganisationRefViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ORGANISATION_TYPES })
  type: (typeof ORGANISATION_TYPES)[number];

  @ApiProperty({ type: String })
  name: string;
}
