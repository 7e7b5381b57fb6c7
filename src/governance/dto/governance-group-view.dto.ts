import { ApiProperty } from '@nestjs/swagger';
import { MEMBER_ROLES, type MemberRole } from '../governance-member.entity.js';

export class GovernanceMemberViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  organisationId: string;

  @ApiProperty({ type: String })
  name: string;

  @ApiProperty({ type: String })
  type: string;

  @ApiProperty({ enum: MEMBER_ROLES })
  role: MemberRole;
}

export class GovernanceGroupViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String })
  name: string;

  @ApiProperty({ type: String })
  description: string;

  @ApiProperty({ type: () => GovernanceMemberViewDto, isArray: true })
  members: GovernanceMemberViewDto[];

  @ApiProperty({ type: 'integer' })
  version: number;
}
