import type { MeetingActionStatus } from './meeting-action.entity.js';

/** Actions are done or dropped, and can be reopened. */
export const MEETING_ACTION_TRANSITIONS: Readonly<
  Record<MeetingActionStatus, readonly MeetingActionStatus[]>
> = {
  open: ['done', 'dropped'],
  done: ['open'],
  dropped: ['open'],
};
