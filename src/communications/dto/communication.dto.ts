import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsIsoDateTime } from '../../common/validation/is-iso-date.decorator.js';
import { CHANNELS, type Channel } from '../communication-status.js';
import { LIST_PLACEHOLDERS, PLACEHOLDERS } from '../template-renderer.js';
import { AudienceDto } from './audience.dto.js';

export const TOPIC = /^[a-z0-9][a-z0-9_-]{0,49}$/;

/** The placeholder list TemplateRenderer checks templates against, for the document. */
const PLACEHOLDER_HELP =
  'Placeholders (any other is a 400): ' +
  Object.entries(PLACEHOLDERS)
    .map(([name, what]) => `\`{{${name}}}\` ${what.charAt(0).toLowerCase()}${what.slice(1)}`)
    .join('; ') +
  '. Lists (`{{#name}}...{{/name}}`) with their item fields: ' +
  Object.entries(LIST_PLACEHOLDERS)
    .map(([name, fields]) => `\`${name}\` (${fields.join(', ')})`)
    .join('; ') +
  '.';

export class CreateCommunicationDto {
  @ApiProperty({
    example: 'Admissions release 3.2: action needed by {{communication.acknowledgeBy}}',
    maxLength: 500,
    description: `Mustache. ${PLACEHOLDER_HELP}`,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  subjectTemplate: string;

  @ApiProperty({
    example: 'Dear {{contact.name}},\n\n{{supplier.name}} must ... Acknowledge: {{ackLink}}',
    maxLength: 50_000,
    description: `Mustache. ${PLACEHOLDER_HELP}`,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(50_000)
  bodyTemplate: string;

  @ApiProperty({
    example: 'admissions',
    pattern: TOPIC.source,
    description: 'Contacts subscribed to it receive it',
  })
  @Matches(TOPIC, { message: 'topic must be a lower-case slug' })
  topic: string;

  @ApiPropertyOptional({
    default: false,
    description: 'A programme notice: every active contact receives it, subscribed or not',
  })
  @IsOptional()
  @IsBoolean()
  mandatory?: boolean;

  @ApiProperty({ type: AudienceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AudienceDto)
  audience: AudienceDto;

  @ApiProperty({ enum: CHANNELS, isArray: true, example: ['email', 'webhook'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CHANNELS.length)
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  channels: Channel[];

  @ApiPropertyOptional({ format: 'date-time', description: 'Suppliers should acknowledge by' })
  @IsOptional()
  @IsIsoDateTime()
  acknowledgeBy?: string;
}

export class UpdateCommunicationDto extends PartialType(CreateCommunicationDto) {
  @ApiProperty({ description: 'The version you read (optimistic concurrency)' })
  @IsInt()
  @Min(1)
  version: number;
}

export class SendCommunicationDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Send later; absent or past means now',
  })
  @IsOptional()
  @IsIsoDateTime()
  sendAt?: string;
}

export class CancelCommunicationDto {
  @ApiPropertyOptional({ description: 'Why (kept in the audit log)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
