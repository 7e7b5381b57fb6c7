import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Min,
} from 'class-validator';
import { COUNCIL_REF } from '../../organisations/council-ref.js';
import { NATIONS } from '../../organisations/organisation-type.js';

/**
 * Which councils must adopt a service: every council of the nations, plus the members
 * of the council groups, plus the councils listed (ids or GSS codes). All empty: none.
 */
export class ServiceScopeDto {
  @ApiPropertyOptional({ enum: NATIONS, isArray: true, example: ['England'] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(NATIONS, { each: true })
  nations?: string[];

  @ApiPropertyOptional({ type: String, format: 'uuid', isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  councilGroupIds?: string[];

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    description: 'Council ids or GSS codes',
    example: ['W06000015'],
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(500)
  @Matches(COUNCIL_REF, {
    each: true,
    message: 'each value in councils must be a UUID or GSS code',
  })
  councils?: string[];
}

export class UpdateServiceScopeDto extends ServiceScopeDto {
  @ApiProperty({ description: 'The version you read (optimistic concurrency)' })
  @IsInt()
  @Min(1)
  version: number;
}
