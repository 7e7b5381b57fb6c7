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

/** One partner organisation's check-in cadence (every N weeks); at most one per partner. */
@Entity({ name: 'check_in_schedules' })
export class CheckInSchedule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ux_check_in_schedules_org', { unique: true })
  @Column('uuid')
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  organisation: Relation<Organisation>;

  @Column('int')
  cadenceWeeks: number;

  @Column('boolean', { default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
