import { OmitType, PartialType } from '@nestjs/swagger';
import { VersionField } from '../../common/validation/version-field.js';
import { CreateBenefitDto } from './create-benefit.dto.js';

export class UpdateBenefitDto extends PartialType(OmitType(CreateBenefitDto, ['type'] as const)) {
  @VersionField()
  version: number;
}
