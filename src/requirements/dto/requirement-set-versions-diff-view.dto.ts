import { ApiProperty } from '@nestjs/swagger';
import { ChangesViewDto } from './changes-view.dto.js';
import { SetRefViewDto } from './set-ref-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class RequirementSetVersionsDiffViewDto {
  @ApiProperty({ type: String, isArray: true })
  added: string[];

  @ApiProperty({ type: String, isArray: true })
  changed: string[];

  @ApiProperty({ type: String, isArray: true })
  removed: string[];

  @ApiProperty({ type: () => ChangesViewDto, isArray: true })
  changes: ChangesViewDto[];

  @ApiProperty({ type: () => SetRefViewDto })
  base: SetRefViewDto;

  @ApiProperty({ type: () => SetRefViewDto })
  target: SetRefViewDto;
}
