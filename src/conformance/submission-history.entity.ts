import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { ConformanceSubmission } from './conformance-submission.entity.js';
import type { SubmissionResult, SubmissionStatus } from './submission-lifecycle.js';

/** A submission's timeline: every change with actor, time and note (the full history). */
@Entity({ name: 'submission_history' })
@Index('ix_submission_history_submission', ['submissionId', 'occurredAt'])
export class SubmissionHistory {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  submissionId: string;

  @ManyToOne(() => ConformanceSubmission, { onDelete: 'CASCADE' })
  submission: Relation<ConformanceSubmission>;

  /** created, answered, sample_added, sample_removed, submitted, claimed, verdicts, decided. */
  @Column('text')
  event: string;

  @Column('text', { nullable: true })
  fromStatus: SubmissionStatus | null;

  @Column('text', { nullable: true })
  toStatus: SubmissionStatus | null;

  @Column('text', { nullable: true })
  result: SubmissionResult | null;

  @Column('text', { nullable: true })
  note: string | null;

  /** Event details (e.g. codes answered, check outcomes, the round submitted). */
  @Column('jsonb', { default: () => `'{}'` })
  details: Record<string, unknown>;

  @Column('uuid', { nullable: true })
  actorUserId: string | null;

  @Column('text')
  actorLabel: string;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;
}
