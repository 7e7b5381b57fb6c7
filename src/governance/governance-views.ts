import type { GovernanceGroupViewDto } from './dto/governance-group-view.dto.js';
import type { MeetingViewDto } from './dto/meeting-view.dto.js';
import type { AgendaItem } from './meeting.entity.js';

export const toGroupView = (r: Record<string, unknown>): GovernanceGroupViewDto => ({
  id: r.id as string,
  name: r.name as string,
  description: r.description as string,
  members: r.members as GovernanceGroupViewDto['members'],
  version: Number(r.version),
});

export const toMeetingView = (r: Record<string, unknown>): MeetingViewDto => ({
  id: r.id as string,
  groupId: r.group_id as string,
  groupName: r.group_name as string,
  title: r.title as string,
  startsAt: (r.starts_at as Date).toISOString(),
  agendaItems: (r.agenda_items as AgendaItem[]).map((a) => ({
    title: a.title,
    owner: a.owner,
    paperLinks: a.paperLinks ?? [],
  })),
  attendees: r.attendees as string[],
  minutes: r.minutes as string,
  actions: r.actions as MeetingViewDto['actions'],
  decisions: r.decisions as MeetingViewDto['decisions'],
  version: Number(r.version),
});
