import { ApiPropertyOptional } from '@nestjs/swagger';
import { FieldsViewDto } from './fields-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class RequirementFieldChangesViewDto {
  @ApiPropertyOptional({ type: () => FieldsViewDto })
  description?: FieldsViewDto;

  @ApiPropertyOptional({ type: () => FieldsViewDto })
  title?: FieldsViewDto;

  @ApiPropertyOptional({ type: () => FieldsViewDto })
  level?: FieldsViewDto;

  @ApiPropertyOptional({ type: () => FieldsViewDto })
  category?: FieldsViewDto;

  @ApiPropertyOptional({ type: () => FieldsViewDto })
  acceptanceCriteria?: FieldsViewDto;
}
