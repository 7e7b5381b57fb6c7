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
import { User } from '../auth/user.entity.js';
import type { ActionStatus } from './risk-lifecycle.js';
import { Risk } from './risk.entity.js';

/** Something someone will do by a date to reduce an entry's likelihood or impact. */
@Entity({ name: 'mitigation_actions' })
@Index('ix_mitigation_actions_due', ['dueDate'], {
  where: `status IN ('open', 'in_progress')`,
})
export class MitigationAction {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_mitigation_actions_risk')
  @Column('uuid')
  riskId: string;

  @ManyToOne(() => Risk, { onDelete: 'CASCADE' })
  risk: Relation<Risk>;

  @Column('text')
  title: string;

  @Index('ix_mitigation_actions_owner', { where: 'owner_user_id IS NOT NULL' })
  @Column('uuid', { nullable: true })
  ownerUserId: string | null;

  @ManyToOne(() => User)
  ownerUser: Relation<User> | null;

  /** Calendar day (YYYY-MM-DD); overdue from the day after while open or in progress. */
  @Column('date')
  dueDate: string;

  @Column('text', { default: 'open' })
  status: ActionStatus;

  @Column('timestamptz', { nullable: true })
  completedAt: Date | null;

  /** UTC day the worker last announced this action as overdue (one event per day). */
  @Column('date', { nullable: true })
  overdueNotifiedOn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
