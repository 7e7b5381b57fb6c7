import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { OptionalNotNull, VersionField } from '../../common/validation/version-field.js';
import { CreateMeetingDto } from './create-meeting.dto.js';

/** Agenda, attendees, minutes: what changes as a meeting is prepared and held. */
export class UpdateMeetingDto extends PartialType(OmitType(CreateMeetingDto, ['groupId'])) {
  @ApiPropertyOptional({ maxLength: 50000 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(50000)
  minutes?: string;

  @VersionField()
  version: number;
}
