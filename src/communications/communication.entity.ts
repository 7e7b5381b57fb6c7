import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { AudienceFilter } from './audience-filter.js';
import type { Channel, CommunicationStatus } from './communication-status.js';

/** manual: written by the programme office; digest: the weekly digest; triggered: a domain event's notice. */
export const COMMUNICATION_KINDS = ['manual', 'digest', 'triggered'] as const;
export type CommunicationKind = (typeof COMMUNICATION_KINDS)[number];

/**
 * A message to suppliers: subject and body templates (Mustache), a topic, the audience
 * filter and channels, when to send and by when to acknowledge. Progress counters are
 * computed from its deliveries, never stored.
 */
@Entity({ name: 'communications' })
@Index('ix_communications_status_send_at', ['status', 'sendAt'])
@Index('ix_communications_kind_created', ['kind', 'createdAt'])
@Index('ix_communications_acknowledge_by', ['acknowledgeBy'], {
  where: 'acknowledge_by IS NOT NULL',
})
export class Communication {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { default: 'manual' })
  kind: CommunicationKind;

  @Column('text')
  subjectTemplate: string;

  @Column('text')
  bodyTemplate: string;

  @Column('text')
  topic: string;

  /** Programme notices every active contact receives, whatever their subscriptions. */
  @Column('boolean', { default: false })
  mandatory: boolean;

  @Column('jsonb', { default: {} })
  audience: AudienceFilter;

  @Column('text', { array: true })
  channels: Channel[];

  @Column('text', { default: 'draft' })
  status: CommunicationStatus;

  @Column('timestamptz', { nullable: true })
  sendAt: Date | null;

  @Column('timestamptz', { nullable: true })
  acknowledgeBy: Date | null;

  /** Extra values for the templates, set by the system (e.g. a digest's items). */
  @Column('jsonb', { default: {} })
  context: Record<string, unknown>;

  /**
   * Makes system-created communications idempotent: one digest per supplier a day, one
   * notice per triggering event (`trigger:<event type>:<natural key>`).
   */
  @Index('ux_communications_dedupe_key', { unique: true, where: 'dedupe_key IS NOT NULL' })
  @Column('text', { nullable: true })
  dedupeKey: string | null;

  @Column('text')
  createdBy: string;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  @Column('timestamptz', { nullable: true })
  cancelledAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
