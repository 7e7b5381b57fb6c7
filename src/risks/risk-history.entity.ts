import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { AuditChanges } from '../audit/audit-event.entity.js';
import type { RiskStatus } from './risk-lifecycle.js';
import { Risk } from './risk.entity.js';

/**
 * The entry's own timeline, shown to everyone who can see the entry: every creation,
 * update, transition, review, realisation and action change, with actor, time and note.
 */
@Entity({ name: 'risk_history' })
@Index('ix_risk_history_risk', ['riskId', 'occurredAt'])
export class RiskHistory {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  riskId: string;

  @ManyToOne(() => Risk, { onDelete: 'CASCADE' })
  risk: Relation<Risk>;

  /** e.g. created, updated, transitioned, reviewed, realised, action_added, action_updated. */
  @Column('text')
  event: string;

  @Column('text', { nullable: true })
  fromStatus: RiskStatus | null;

  @Column('text', { nullable: true })
  toStatus: RiskStatus | null;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('jsonb', { default: () => `'{}'` })
  changes: AuditChanges;

  @Column('uuid', { nullable: true })
  actorUserId: string | null;

  @Column('text')
  actorLabel: string;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;
}
