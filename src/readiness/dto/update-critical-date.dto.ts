import { OmitType, PartialType } from '@nestjs/swagger';
import { VersionField } from '../../common/validation/version-field.js';
import { CreateCriticalDateDto } from './create-critical-date.dto.js';

export class UpdateCriticalDateDto extends PartialType(
  OmitType(CreateCriticalDateDto, ['code'] as const),
) {
  @VersionField()
  version: number;
}
