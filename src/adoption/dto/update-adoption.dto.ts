import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { IsIsoDate } from '../../common/validation/is-iso-date.decorator.js';
import { VersionField } from '../../common/validation/version-field.js';
import { ADOPTION_STAGES } from '../adoption-stage.js';

/**
 * Route, dates and notes. Give `productId` to deliver through a certified product,
 * `sharedServiceId` to deliver through a shared service the council belongs to, or null
 * for the current one to clear the route. Stages move only through transitions.
 */
export class UpdateAdoptionDto {
  @VersionField()
  version: number;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A published product holding a valid or reassessment_due certificate',
  })
  @IsOptional()
  @IsUUID()
  productId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A shared service for this service with the council among its members',
  })
  @IsOptional()
  @IsUUID()
  sharedServiceId?: string | null;

  @ApiPropertyOptional({
    description: 'Target date per stage (YYYY-MM-DD); replaces the whole map',
    type: 'object',
    properties: Object.fromEntries(
      ADOPTION_STAGES.map((stage) => [stage, { type: 'string', format: 'date' }]),
    ),
    additionalProperties: false,
    example: { testing: '2027-03-01', live: '2027-05-01' },
  })
  @ValidateIf((_: object, v: unknown) => v !== undefined)
  @IsObject()
  targetDates?: Record<string, string>;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2027-05-04', nullable: true })
  @IsOptional()
  @IsIsoDate()
  goLiveDate?: string | null;

  @ApiPropertyOptional({ maxLength: 5000 })
  @ValidateIf((_: object, v: unknown) => v !== undefined)
  @IsString()
  @MaxLength(5000)
  notes?: string;

  @ApiProperty({ required: false, maxLength: 2000, description: 'Why (kept in the history)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
