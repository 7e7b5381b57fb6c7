import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { OptionalNotNull } from '../../common/validation/version-field.js';

export class CreateToolkitDto {
  @ApiProperty({ example: 'PAYMENTS-TK', description: 'Stable reference (unique)' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,39}$/, {
    message: 'code must be 2–40 capital letters, digits or hyphens',
  })
  code: string;

  @ApiProperty({ example: 'Online payments developer toolkit' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(2000)
  summary?: string;

  @ApiProperty({ format: 'uuid', description: 'The catalogue service the toolkit is for' })
  @IsUUID()
  serviceId: string;
}
