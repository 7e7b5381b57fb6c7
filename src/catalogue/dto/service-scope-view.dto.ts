import { ApiProperty } from '@nestjs/swagger';
import { NATIONS } from '../../organisations/organisation-type.js';

/** A service's scope: the councils that must adopt it. */
export class ServiceScopeViewDto {
  @ApiProperty({ enum: NATIONS, isArray: true })
  nations: string[];

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  councilGroupIds: string[];

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  councilIds: string[];
}
