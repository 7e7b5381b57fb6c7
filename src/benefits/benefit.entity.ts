import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export const BENEFIT_TYPES = ['benefit', 'disbenefit'] as const;
export type BenefitType = (typeof BENEFIT_TYPES)[number];
export const DIRECTIONS = ['higher', 'lower'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/**
 * A benefit or disbenefit of the programme: a measure with a baseline and a target, read
 * over time (benefit_measurements). Its status is never stored: it is computed in SQL
 * from the latest reading against the straight line from baseline to target.
 */
@Entity({ name: 'benefits' })
export class Benefit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  title: string;

  @Column('text', { default: '' })
  description: string;

  @Column('text')
  type: BenefitType;

  /** Catalogue services it relates to (who may read it follows from these). */
  @Index('ix_benefits_services')
  @Column('uuid', { array: true, default: () => "'{}'" })
  serviceIds: string[];

  @Column('uuid')
  ownerOrganisationId: string;

  @Column('uuid', { nullable: true })
  ownerUserId: string | null;

  @Column('text')
  measureName: string;

  @Column('text')
  unit: string;

  @Column('text')
  direction: Direction;

  @Column('numeric')
  baselineValue: string;

  @Column('date')
  baselineDate: string;

  @Column('text', { default: '' })
  baselineSource: string;

  @Column('numeric')
  targetValue: string;

  @Column('date')
  targetDate: string;

  /** Allowed shortfall against the path, as a percentage of |target − baseline|. */
  @Column('numeric', { default: 10 })
  tolerancePct: string;

  /** Disbenefits: the value past which it becomes a risk. */
  @Column('numeric', { nullable: true })
  threshold: string | null;

  /** Monetary value (GBP) of one unit of improvement, for realised value. */
  @Column('numeric', { nullable: true })
  valuePerUnit: string | null;

  @Column('text', { default: '' })
  evidence: string;

  @Index('ux_benefits_seed_key', { unique: true, where: 'seed_key IS NOT NULL' })
  @Column('text', { nullable: true, select: false })
  seedKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
