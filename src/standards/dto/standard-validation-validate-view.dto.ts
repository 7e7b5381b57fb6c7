import { ApiProperty } from '@nestjs/swagger';
import { PayloadErrorViewDto } from './payload-error-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class StandardValidationValidateViewDto {
  @ApiProperty({ type: Boolean })
  valid: boolean;

  @ApiProperty({ type: () => PayloadErrorViewDto, isArray: true })
  errors: PayloadErrorViewDto[];
}
