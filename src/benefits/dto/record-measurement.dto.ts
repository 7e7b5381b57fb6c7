import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsIsoDate } from '../../common/validation/is-iso-date.decorator.js';
import { OptionalNotNull } from '../../common/validation/version-field.js';
import { BREAKDOWNS, type Breakdown } from '../benefit-measurement.entity.js';

export class RecordMeasurementDto {
  @ApiProperty()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1e12)
  @Max(1e12)
  value: number;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  measuredOn: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(500)
  source?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({
    enum: BREAKDOWNS,
    nullable: true,
    description: 'Omit for an overall reading',
  })
  @IsOptional()
  @IsIn(BREAKDOWNS)
  breakdown?: Breakdown | null;

  @ApiPropertyOptional({ nullable: true, description: 'Nation, region or council id' })
  @ValidateIf((o: RecordMeasurementDto) => o.breakdown != null)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  breakdownKey?: string | null;
}
