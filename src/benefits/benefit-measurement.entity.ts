import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Benefit } from './benefit.entity.js';

export const BREAKDOWNS = ['nation', 'region', 'council'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** One reading of a benefit's measure: overall (breakdown null) or for one nation/region/council. */
@Entity({ name: 'benefit_measurements' })
@Index('ix_benefit_measurements_benefit_date', ['benefitId', 'measuredOn'])
export class BenefitMeasurement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  benefitId: string;

  @ManyToOne(() => Benefit, { onDelete: 'CASCADE' })
  benefit: Relation<Benefit>;

  @Column('numeric')
  value: string;

  @Column('date')
  measuredOn: string;

  @Column('text', { default: '' })
  source: string;

  @Column('text', { default: '' })
  note: string;

  @Column('text', { nullable: true })
  breakdown: Breakdown | null;

  /** The nation, region name or council id the reading is for (null when overall). */
  @Column('text', { nullable: true })
  breakdownKey: string | null;

  @Column('uuid', { nullable: true })
  recordedByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
