import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A disbenefit reading that crossed its threshold, and the risk it raised. Unique per
 * reading: a redelivered event finds the row and raises nothing more.
 */
@Entity({ name: 'benefit_threshold_crossings' })
export class BenefitThresholdCrossing {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_benefit_threshold_crossings_benefit')
  @Column('uuid')
  benefitId: string;

  @Index('ux_benefit_threshold_crossings_measurement', { unique: true })
  @Column('uuid')
  measurementId: string;

  @Column('uuid', { nullable: true })
  riskId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
