import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../../common/validation/is-iso-date.decorator.js';
import { OptionalNotNull } from '../../common/validation/version-field.js';
import { DecisionLinksDto } from './decision-links.dto.js';
import { DecisionOptionDto } from './decision-option.dto.js';

const Text = (max: number, example?: string) => (target: object, key: string) => {
  ApiPropertyOptional({ maxLength: max, example })(target, key);
  OptionalNotNull()(target, key);
  IsString()(target, key);
  MaxLength(max)(target, key);
};

/** Records a decision as proposed (programme admin). */
export class CreateDecisionDto extends DecisionLinksDto {
  @ApiProperty({ example: 'One shared eligibility checker for all 174 councils' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @Text(10000)
  context?: string;

  @ApiPropertyOptional({ type: [DecisionOptionDto] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DecisionOptionDto)
  options?: DecisionOptionDto[];

  @Text(10000)
  outcome?: string;

  @Text(10000)
  rationale?: string;

  @Text(10000)
  consequences?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'An accepted decision this one replaces (superseded when this is accepted)',
  })
  @OptionalNotNull()
  @IsUUID()
  supersedesId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'The governance meeting that took it (its group members may read it)',
  })
  @IsOptional()
  @IsUUID()
  decidedByMeetingId?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Named people who decided' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  decidedByPeople?: string[];

  @ApiPropertyOptional({ description: 'Every supplier and council may read it' })
  @OptionalNotNull()
  @IsBoolean()
  publicToProgramme?: boolean;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsOptional()
  @IsIsoDate()
  decidedOn?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsOptional()
  @IsIsoDate()
  reviewDate?: string | null;
}
