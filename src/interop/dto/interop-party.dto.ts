import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { PARTY_ROLES, PARTY_TYPES, type PartyRole, type PartyType } from '../interop-rule.js';

export class InteropPartyDto {
  @ApiProperty({ enum: PARTY_TYPES })
  @IsIn(PARTY_TYPES)
  type: PartyType;

  @ApiProperty({ format: 'uuid', description: 'The product or shared service' })
  @IsUUID()
  id: string;

  @ApiProperty({ enum: PARTY_ROLES })
  @IsIn(PARTY_ROLES)
  role: PartyRole;
}
