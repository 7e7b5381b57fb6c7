import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsIsoDateTime } from '../../common/validation/is-iso-date.decorator.js';
import { OptionalNotNull } from '../../common/validation/version-field.js';

export class AgendaItemDto {
  @ApiProperty({ example: 'Shared eligibility checker: capacity for September' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title: string;

  @ApiProperty({ example: 'Programme director' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  owner: string;

  @ApiPropertyOptional({ type: [String], format: 'uri' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl({ protocols: ['https'], require_protocol: true }, { each: true })
  @MaxLength(2000, { each: true })
  paperLinks?: string[];
}

const Attendees = () => (target: object, key: string) => {
  ApiPropertyOptional({ type: [String], example: ['Chair (DfE)', 'Kestrel Digital Services'] })(
    target,
    key,
  );
  OptionalNotNull()(target, key);
  IsArray()(target, key);
  ArrayMaxSize(200)(target, key);
  IsString({ each: true })(target, key);
  MinLength(1, { each: true })(target, key);
  MaxLength(200, { each: true })(target, key);
};

/** Schedules a meeting of a group with its agenda (programme admin). */
export class CreateMeetingDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  groupId: string;

  @ApiProperty({ example: 'Supplier forum, March' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ format: 'date-time' })
  @IsIsoDateTime()
  startsAt: string;

  @ApiPropertyOptional({ type: [AgendaItemDto] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemDto)
  agendaItems?: AgendaItemDto[];

  @Attendees()
  attendees?: string[];
}
