import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class CreateApiTokenDto {
  @ApiProperty({ example: 'MIS nightly sync' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ description: 'ISO date-time after which the token stops working' })
  @IsOptional()
  @IsDateString()
  expiresAt?: string;
}
