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
import { Organisation } from '../organisations/organisation.entity.js';
import { CheckInQuestionSet } from './check-in-question-set.entity.js';
import { CheckInSchedule } from './check-in-schedule.entity.js';

/**
 * One relationship health check-in with a partner, due on a date, asking one question set
 * version. Its status is derived (see check-in-sql.ts): open, answered_by_one, complete,
 * overdue.
 */
@Entity({ name: 'check_ins' })
@Index('ux_check_ins_org_due', ['organisationId', 'dueOn'], { unique: true })
export class CheckIn {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  organisation: Relation<Organisation>;

  @Index('ix_check_ins_schedule')
  @Column('uuid', { nullable: true })
  scheduleId: string | null;

  @ManyToOne(() => CheckInSchedule, { onDelete: 'SET NULL' })
  schedule: Relation<CheckInSchedule> | null;

  @Index('ix_check_ins_question_set')
  @Column('uuid')
  questionSetId: string;

  @ManyToOne(() => CheckInQuestionSet, { onDelete: 'RESTRICT' })
  questionSet: Relation<CheckInQuestionSet>;

  @Index('ix_check_ins_due')
  @Column('date')
  dueOn: string;

  @Column('timestamptz', { nullable: true })
  officeAnsweredAt: Date | null;

  @Column('text', { nullable: true })
  officeAnsweredBy: string | null;

  @Column('timestamptz', { nullable: true })
  partnerAnsweredAt: Date | null;

  @Column('text', { nullable: true })
  partnerAnsweredBy: string | null;

  @Index('ux_check_ins_seed_key', { unique: true, where: 'seed_key IS NOT NULL' })
  @Column('text', { nullable: true, select: false })
  seedKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
