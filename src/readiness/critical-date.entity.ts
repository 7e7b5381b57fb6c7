import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { RuleStage } from './readiness-rule.js';

/**
 * A national date every council in scope must be ready for (e.g. secondary national offer
 * day), the services it concerns, the nations it applies to and what "ready" means: the
 * service live, or at least `minStage` by `daysBefore` days before the date with that
 * stage's mandatory steps done (when `mandatorySteps`).
 */
@Entity({ name: 'critical_dates' })
@Index('ix_critical_dates_date', ['date'])
export class CriticalDate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stable reference, e.g. `SEC-OFFER-2027` (also the demo seed's key). */
  @Index('ux_critical_dates_code', { unique: true })
  @Column('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text', { default: '' })
  description: string;

  @Column('date')
  date: string;

  @Column('uuid', { array: true })
  serviceIds: string[];

  /** Nations whose councils it applies to ('England', 'Wales'). */
  @Column('text', { array: true })
  nations: string[];

  @Column('text')
  minStage: RuleStage;

  @Column('int', { default: 0 })
  daysBefore: number;

  @Column('boolean', { default: true })
  mandatorySteps: boolean;

  /** Days before the date at which councils not ready get a notice (descending). */
  @Column('int', { array: true, default: () => `'{60,30,14}'` })
  leadTimes: number[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
