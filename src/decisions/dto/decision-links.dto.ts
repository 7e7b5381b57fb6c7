import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsUUID, ValidateNested } from 'class-validator';
import { OptionalNotNull } from '../../common/validation/version-field.js';
import { RequirementLinkDto } from './requirement-link.dto.js';

const MAX_LINKS = 100;

const UuidList = (description: string) => (target: object, key: string) => {
  ApiPropertyOptional({ type: [String], format: 'uuid', description })(target, key);
  OptionalNotNull()(target, key);
  IsArray()(target, key);
  ArrayMaxSize(MAX_LINKS)(target, key);
  IsUUID('all', { each: true })(target, key);
};

/** Who was consulted and informed, and what the decision affects (request body part). */
export class DecisionLinksDto {
  @UuidList('Suppliers and councils consulted (they may read the decision)')
  consultedOrganisationIds?: string[];

  @UuidList('Suppliers and councils informed (they may read the decision)')
  informedOrganisationIds?: string[];

  @UuidList('Risks, issues and barriers it affects')
  riskIds?: string[];

  @ApiPropertyOptional({ type: [RequirementLinkDto] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_LINKS)
  @ValidateNested({ each: true })
  @Type(() => RequirementLinkDto)
  requirements?: RequirementLinkDto[];

  @UuidList('Catalogue services it affects')
  serviceIds?: string[];

  @UuidList('Standards it affects')
  standardIds?: string[];

  @UuidList('Local variances it affects')
  localVarianceIds?: string[];

  @UuidList('Products it affects')
  productIds?: string[];
}
