import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsIsoDate } from '../../common/validation/is-iso-date.decorator.js';
import { OptionalNotNull } from '../../common/validation/version-field.js';
import { BENEFIT_TYPES, type BenefitType, DIRECTIONS, type Direction } from '../benefit.entity.js';

const LIMIT = 1e12;
const Numeric = () => (target: object, key: string) => {
  IsNumber({ allowNaN: false, allowInfinity: false })(target, key);
  Min(-LIMIT)(target, key);
  Max(LIMIT)(target, key);
};

export class CreateBenefitDto {
  @ApiProperty({ example: 'Share of admissions applications made online' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ enum: BENEFIT_TYPES })
  @IsIn(BENEFIT_TYPES)
  type: BenefitType;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  serviceIds: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Owning organisation (default: yours)' })
  @OptionalNotNull()
  @IsUUID()
  ownerOrganisationId?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  ownerUserId?: string | null;

  @ApiProperty({ example: 'Applications made online' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  measureName: string;

  @ApiProperty({ example: '%' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  unit: string;

  @ApiProperty({ enum: DIRECTIONS, description: 'Which way is better' })
  @IsIn(DIRECTIONS)
  direction: Direction;

  @ApiProperty()
  @Numeric()
  baselineValue: number;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  baselineDate: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(500)
  baselineSource?: string;

  @ApiProperty()
  @Numeric()
  targetValue: number;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  targetDate: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, default: 10 })
  @OptionalNotNull()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  tolerancePct?: number;

  @ApiPropertyOptional({
    nullable: true,
    description: 'Disbenefits: the value past which it is a risk',
  })
  @IsOptional()
  @Numeric()
  threshold?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'GBP per unit of improvement' })
  @IsOptional()
  @Numeric()
  valuePerUnit?: number | null;

  @ApiPropertyOptional({ maxLength: 5000 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(5000)
  evidence?: string;
}
