import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'done' | 'failed';

/**
 * A job that must run after a business change commits. Written in the same transaction
 * as the change; enqueued after commit with jobId = id; re-enqueued by the reconciler
 * while still pending, so losing Redis loses nothing.
 */
@Entity({ name: 'outbox_messages' })
@Index('ix_outbox_messages_pending', ['createdAt'], { where: `status = 'pending'` })
export class OutboxMessage {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  jobName: string;

  @Column('jsonb')
  payload: Record<string, unknown>;

  @Column('text', { default: 'pending' })
  status: OutboxStatus;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('text', { nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Not to run before this time (a BullMQ delay); null means at once. */
  @Column('timestamptz', { nullable: true })
  availableAt: Date | null;

  @Column('timestamptz', { nullable: true })
  processedAt: Date | null;
}
