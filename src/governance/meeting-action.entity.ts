import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Meeting } from './meeting.entity.js';

export const MEETING_ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export type MeetingActionStatus = (typeof MEETING_ACTION_STATUSES)[number];

/** An action from a meeting: owner, due date, status. */
@Entity({ name: 'meeting_actions' })
@Index('ix_meeting_actions_open_due', ['status', 'dueDate'])
export class MeetingAction {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_meeting_actions_meeting')
  @Column('uuid')
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  meeting: Relation<Meeting>;

  @Column('text')
  title: string;

  @Column('text')
  owner: string;

  @Column('date')
  dueDate: string;

  @Column('text', { default: 'open' })
  status: MeetingActionStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
