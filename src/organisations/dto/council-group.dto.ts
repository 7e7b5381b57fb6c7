import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

export const GSS_CODE = /^[EW]\d{8}$/;

export class CouncilMembersDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  councilIds?: string[];

  @ApiPropertyOptional({ type: [String], example: ['E09000001'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(GSS_CODE, { each: true, message: 'each value in gssCodes must be a GSS code' })
  gssCodes?: string[];
}

export class CreateCouncilGroupDto extends CouncilMembersDto {
  @ApiProperty({ example: 'South West admissions consortium' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}
