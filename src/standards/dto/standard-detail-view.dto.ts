import { ApiProperty } from '@nestjs/swagger';
import { StandardViewDto } from './standard-view.dto.js';

/** Response body: the base view with the parts below added. */
export class StandardDetailViewDto extends StandardViewDto {
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  jsonSchema: Record<string, unknown> | null;
}
