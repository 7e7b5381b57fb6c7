import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class UserViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'email' })
  email: string;

  @ApiProperty({ type: String })
  displayName: string;

  @ApiProperty({ enum: ['programme_admin', 'programme_viewer', 'supplier', 'council', 'agency'] })
  role: 'programme_admin' | 'programme_viewer' | 'supplier' | 'council' | 'agency';

  @ApiProperty({ type: String, format: 'uuid' })
  organisationId: string;

  @ApiProperty({ type: Boolean })
  active: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastLoginAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}
