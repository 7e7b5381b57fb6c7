import { ApiProperty } from '@nestjs/swagger';
import { DecisionSummaryViewDto } from '../../decisions/dto/decision-summary-view.dto.js';
import { MEETING_ACTION_STATUSES, type MeetingActionStatus } from '../meeting-action.entity.js';

export class AgendaItemViewDto {
  @ApiProperty({ type: String })
  title: string;

  @ApiProperty({ type: String })
  owner: string;

  @ApiProperty({ type: String, format: 'uri', isArray: true })
  paperLinks: string[];
}

export class MeetingActionViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String })
  title: string;

  @ApiProperty({ type: String })
  owner: string;

  @ApiProperty({ type: String, format: 'date' })
  dueDate: string;

  @ApiProperty({ enum: MEETING_ACTION_STATUSES })
  status: MeetingActionStatus;

  @ApiProperty({ type: Boolean, description: 'Open and past its due date' })
  overdue: boolean;

  @ApiProperty({ type: 'integer' })
  version: number;
}

/** A meeting with its agenda, attendees, minutes, actions and the decisions taken there. */
export class MeetingViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid' })
  groupId: string;

  @ApiProperty({ type: String })
  groupName: string;

  @ApiProperty({ type: String })
  title: string;

  @ApiProperty({ type: String, format: 'date-time' })
  startsAt: string;

  @ApiProperty({ type: () => AgendaItemViewDto, isArray: true })
  agendaItems: AgendaItemViewDto[];

  @ApiProperty({ type: String, isArray: true })
  attendees: string[];

  @ApiProperty({ type: String })
  minutes: string;

  @ApiProperty({ type: () => MeetingActionViewDto, isArray: true })
  actions: MeetingActionViewDto[];

  @ApiProperty({ type: () => DecisionSummaryViewDto, isArray: true })
  decisions: DecisionSummaryViewDto[];

  @ApiProperty({ type: 'integer' })
  version: number;
}
