import { Column, Entity, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CriticalDate } from './critical-date.entity.js';

/** The day's readiness counts for a coming date (the trend), written by the daily scan. */
@Entity({ name: 'readiness_snapshots' })
export class ReadinessSnapshot {
  @PrimaryColumn('uuid')
  criticalDateId: string;

  @ManyToOne(() => CriticalDate, { onDelete: 'CASCADE' })
  criticalDate: Relation<CriticalDate>;

  @PrimaryColumn('date')
  takenOn: string;

  @Column('int')
  ready: number;

  @Column('int')
  atRisk: number;

  @Column('int')
  notReady: number;
}
