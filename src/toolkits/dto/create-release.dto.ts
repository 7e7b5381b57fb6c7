import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { OptionalNotNull } from '../../common/validation/version-field.js';

export class CreateReleaseDto {
  @ApiProperty({ example: '2.1.0', description: 'Version label, unique within the toolkit' })
  @Matches(/^[0-9A-Za-z][0-9A-Za-z.+-]{0,39}$/, {
    message: 'version must be 1–40 letters, digits, dots, plus or hyphens (e.g. 2.1.0)',
  })
  version: string;

  @ApiPropertyOptional({ maxLength: 10000, description: 'Release notes (plain text)' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(10000)
  notes?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Standard versions (ids of `standards` rows) the release implements',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  standardIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Requirement-set versions the release corresponds to',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  requirementSetIds?: string[];
}
