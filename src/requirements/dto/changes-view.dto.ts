import { ApiProperty } from '@nestjs/swagger';
import { RequirementFieldChangesViewDto } from './requirement-field-changes-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class ChangesViewDto {
  @ApiProperty({ type: String })
  code: string;

  @ApiProperty({ type: () => RequirementFieldChangesViewDto })
  fields: RequirementFieldChangesViewDto;
}
