import { ApiProperty } from '@nestjs/swagger';
import { OrganisationRefViewDto } from '../../organisations/dto/organisation-ref-view.dto.js';
import { AuthMeUserViewDto } from './auth-me-user-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class AuthMeViewDto {
  @ApiProperty({ enum: ['user', 'token', 'system'] })
  kind: 'user' | 'token' | 'system';

  @ApiProperty({ enum: ['programme_admin', 'programme_viewer', 'supplier', 'council', 'agency'] })
  role: 'programme_admin' | 'programme_viewer' | 'supplier' | 'council' | 'agency';

  @ApiProperty({ type: String })
  label: string;

  @ApiProperty({ type: () => AuthMeUserViewDto, nullable: true })
  user: AuthMeUserViewDto | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  tokenId: string | null;

  @ApiProperty({ type: () => OrganisationRefViewDto, nullable: true })
  organisation: OrganisationRefViewDto | null;
}
