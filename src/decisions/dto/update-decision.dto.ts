import { OmitType, PartialType } from '@nestjs/swagger';
import { VersionField } from '../../common/validation/version-field.js';
import { CreateDecisionDto } from './create-decision.dto.js';

/** Changes a proposed decision (accepted ones are immutable except their status). */
export class UpdateDecisionDto extends PartialType(OmitType(CreateDecisionDto, ['supersedesId'])) {
  @VersionField()
  version: number;
}
