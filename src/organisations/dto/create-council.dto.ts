import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { COUNCIL_TYPES, NATIONS } from '../organisation-type.js';
import { GSS_CODE } from './council-group.dto.js';

/** A council added to the registry (e.g. after a local government reorganisation). */
export class CreateCouncilDto {
  @ApiProperty({ example: 'E06000065', pattern: GSS_CODE.source })
  @Matches(GSS_CODE, { message: 'gssCode must be a GSS code such as E06000065' })
  gssCode: string;

  @ApiProperty({ example: 'North Yorkshire' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: COUNCIL_TYPES })
  @IsIn(COUNCIL_TYPES)
  councilType: string;

  @ApiProperty({ example: 'Yorkshire and The Humber' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  region: string;

  @ApiProperty({ enum: NATIONS })
  @IsIn(NATIONS)
  nation: string;
}
