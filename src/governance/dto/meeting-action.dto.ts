import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { IsIsoDate } from '../../common/validation/is-iso-date.decorator.js';
import { VersionField } from '../../common/validation/version-field.js';
import { MEETING_ACTION_STATUSES, type MeetingActionStatus } from '../meeting-action.entity.js';

export class CreateMeetingActionDto {
  @ApiProperty({ example: 'Agree surge capacity with HMRC' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title: string;

  @ApiProperty({ example: 'HMRC digital lead' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  owner: string;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  dueDate: string;
}

export class MoveMeetingActionDto {
  @ApiProperty({ enum: MEETING_ACTION_STATUSES })
  @IsIn(MEETING_ACTION_STATUSES)
  status: MeetingActionStatus;

  @VersionField()
  version: number;
}
