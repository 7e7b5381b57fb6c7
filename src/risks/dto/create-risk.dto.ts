import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import {
  ESCALATION_LEVELS,
  type EscalationLevel,
  RISK_CATEGORIES,
  RISK_KINDS,
  RISK_SCOPES,
  RISK_TREATMENTS,
  type RiskCategory,
  type RiskKind,
  type RiskScope,
  type RiskTreatment,
} from '../risk-lifecycle.js';
import { ScoreField } from './field-decorators.js';
import { OptionalNotNull } from '../../common/validation/version-field.js';

export class CreateRiskDto {
  @ApiProperty({ enum: RISK_KINDS })
  @IsIn(RISK_KINDS)
  kind: RiskKind;

  @ApiProperty({ example: 'HMRC eligibility API capacity at peak FSM application periods' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ enum: RISK_CATEGORIES })
  @IsIn(RISK_CATEGORIES)
  category: RiskCategory;

  @ApiPropertyOptional({
    enum: RISK_SCOPES,
    description:
      'Programme staff: default national. Suppliers and councils: always their own organisation',
  })
  @OptionalNotNull()
  @IsIn(RISK_SCOPES)
  scope?: RiskScope;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Catalogue service (service scope)',
  })
  @IsOptional()
  @IsUUID()
  serviceId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Supplier (supplier scope)',
  })
  @IsOptional()
  @IsUUID()
  supplierId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Council (council scope)',
  })
  @IsOptional()
  @IsUUID()
  councilId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Owner (default: you). Suppliers and councils: a user of their organisation',
  })
  @IsOptional()
  @IsUUID()
  ownerUserId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    description: "Owning organisation (programme staff only; default: the owner's organisation)",
  })
  @OptionalNotNull()
  @IsUUID()
  ownerOrganisationId?: string;

  @ApiPropertyOptional({ enum: RISK_TREATMENTS, default: 'reduce' })
  @OptionalNotNull()
  @IsIn(RISK_TREATMENTS)
  treatment?: RiskTreatment;

  @ApiPropertyOptional({
    enum: ESCALATION_LEVELS,
    description: 'Default: national for national entries, local otherwise',
  })
  @OptionalNotNull()
  @IsIn(ESCALATION_LEVELS)
  escalationLevel?: EscalationLevel;

  @ScoreField('Likelihood at identification (inherent); the residual score starts the same')
  likelihood: number;

  @ScoreField('Impact at identification (inherent)')
  impact: number;
}
