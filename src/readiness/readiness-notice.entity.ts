import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity.js';
import { CriticalDate } from './critical-date.entity.js';

/**
 * A lead-time notice sent to a council that was not ready (date × lead time × council,
 * once): the key the daily scan inserts `ON CONFLICT DO NOTHING` before announcing.
 */
@Entity({ name: 'readiness_notices' })
export class ReadinessNotice {
  @PrimaryColumn('uuid')
  criticalDateId: string;

  @ManyToOne(() => CriticalDate, { onDelete: 'CASCADE' })
  criticalDate: Relation<CriticalDate>;

  @PrimaryColumn('int')
  leadDays: number;

  @PrimaryColumn('uuid')
  councilId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  council: Relation<Organisation>;

  @Column('text')
  status: string;

  @Column('text')
  reason: string;

  /** The communication that carried the notice to the council's contacts (once sent). */
  @Column('uuid', { nullable: true })
  communicationId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  sentAt: Date;
}
