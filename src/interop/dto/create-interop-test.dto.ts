import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../../common/validation/is-iso-date.decorator.js';
import { OptionalNotNull } from '../../common/validation/version-field.js';
import { InteropCaseDto } from './interop-case.dto.js';
import { InteropPartyDto } from './interop-party.dto.js';

export class CreateInteropTestDto {
  @ApiProperty({ format: 'uuid', description: 'The standard version tested against' })
  @IsUUID()
  standardId: string;

  @ApiProperty({ type: InteropPartyDto })
  @ValidateNested()
  @Type(() => InteropPartyDto)
  partyA: InteropPartyDto;

  @ApiProperty({ type: InteropPartyDto })
  @ValidateNested()
  @Type(() => InteropPartyDto)
  partyB: InteropPartyDto;

  @ApiProperty({ type: [InteropCaseDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => InteropCaseDto)
  cases: InteropCaseDto[];

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  testedOn: string;

  @ApiPropertyOptional({ format: 'uri' })
  @OptionalNotNull()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(2000)
  evidenceUrl?: string;

  @ApiProperty({ example: 'Programme test lead (Connectathon, Leeds)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  witness: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'Default: a year on' })
  @IsOptional()
  @IsIsoDate()
  expiresOn?: string | null;
}
