import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { RISK_CATEGORIES, type RiskCategory } from '../risk-lifecycle.js';
import { CreateRiskDto } from './create-risk.dto.js';
import { OptionalScoreField } from './field-decorators.js';
import { OptionalNotNull, VersionField } from '../../common/validation/version-field.js';

/**
 * A partial update. `likelihood`/`impact` are the current (residual) scores;
 * `inherentLikelihood`/`inherentImpact` correct the assessment at identification.
 * Scope and owner fields follow the same rules as on creation; only links and the owner
 * user can be cleared with null.
 */
export class UpdateRiskDto extends OmitType(CreateRiskDto, [
  'kind',
  'title',
  'category',
  'likelihood',
  'impact',
] as const) {
  @VersionField()
  version: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @OptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ enum: RISK_CATEGORIES })
  @OptionalNotNull()
  @IsIn(RISK_CATEGORIES)
  category?: RiskCategory;

  @OptionalScoreField('Residual likelihood now')
  likelihood?: number;

  @OptionalScoreField('Residual impact now')
  impact?: number;

  @OptionalScoreField('Corrected inherent likelihood')
  inherentLikelihood?: number;

  @OptionalScoreField('Corrected inherent impact')
  inherentImpact?: number;
}
