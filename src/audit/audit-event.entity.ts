import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON values of any shape
export type AuditChanges = Record<string, { before: any; after: any }>;

/**
 * Append-only record of a mutation, written in the same transaction as the change.
 * A database trigger rejects UPDATE and DELETE on this table.
 */
@Entity({ name: 'audit_events' })
@Index('ix_audit_events_entity', ['entityType', 'entityId'])
@Index('ix_audit_events_occurred', ['occurredAt'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;

  @Index('ix_audit_events_actor_user')
  @Column('uuid', { nullable: true })
  actorUserId: string | null;

  @Column('uuid', { nullable: true })
  actorTokenId: string | null;

  /** Who, in words: an email, "api-token:<prefix>", or "system". */
  @Column('text')
  actorLabel: string;

  @Index('ix_audit_events_organisation')
  @Column('uuid', { nullable: true })
  organisationId: string | null;

  @Column('text')
  action: string;

  @Column('text')
  entityType: string;

  @Column('text')
  entityId: string;

  @Column('jsonb', { default: () => `'{}'` })
  changes: AuditChanges;

  @Column('text', { nullable: true })
  requestId: string | null;

  @Column('text', { nullable: true })
  ip: string | null;
}
