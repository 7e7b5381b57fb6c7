import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsUUID, Max, Min } from 'class-validator';
import { IsIsoDate } from '../../common/validation/is-iso-date.decorator.js';
import { OptionalNotNull, VersionField } from '../../common/validation/version-field.js';

/** Schedules check-ins with a partner every N weeks, the first on `firstDueOn`. */
export class CreateScheduleDto {
  @ApiProperty({ format: 'uuid', description: 'A supplier, council or agency' })
  @IsUUID()
  organisationId: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 52, example: 8 })
  @IsInt()
  @Min(1)
  @Max(52)
  cadenceWeeks: number;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  firstDueOn: string;
}

export class UpdateScheduleDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 52 })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(52)
  cadenceWeeks?: number;

  @ApiPropertyOptional({ description: 'false stops new check-ins being scheduled' })
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;

  @VersionField()
  version: number;
}

export class ScheduleViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid' })
  organisationId: string;

  @ApiProperty({ type: String })
  organisationName: string;

  @ApiProperty({ type: String, enum: ['SUPPLIER', 'COUNCIL', 'AGENCY'] })
  organisationType: string;

  @ApiProperty({ type: 'integer' })
  cadenceWeeks: number;

  @ApiProperty({ type: Boolean })
  active: boolean;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Due date of the latest check-in',
  })
  latestDueOn: string | null;

  @ApiProperty({ type: 'integer' })
  version: number;
}
