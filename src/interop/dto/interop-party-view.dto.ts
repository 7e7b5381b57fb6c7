import { ApiProperty } from '@nestjs/swagger';
import { PARTY_ROLES, PARTY_TYPES, type PartyRole, type PartyType } from '../interop-rule.js';

export class InteropPartyRefViewDto {
  @ApiProperty({ enum: PARTY_TYPES })
  type: PartyType;

  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

export class InteropPartyViewDto extends InteropPartyRefViewDto {
  @ApiProperty({ enum: PARTY_ROLES })
  role: PartyRole;
}
