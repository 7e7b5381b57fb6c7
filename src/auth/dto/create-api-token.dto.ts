import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsIsoDateTime } from '../../common/validation/is-iso-date.decorator.js';

export class CreateApiTokenDto {
  @ApiProperty({ example: 'MIS nightly sync' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ description: 'ISO date-time after which the token stops working' })
  @IsOptional()
  @IsIsoDateTime()
  expiresAt?: string;
}
