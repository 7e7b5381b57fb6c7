import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A benefit's computed status moved (a reading or a change of path or tolerance moved
 * it): what the weekly digest tells the benefit's owner.
 */
@Entity({ name: 'benefit_status_changes' })
@Index('ix_benefit_status_changes_benefit_at', ['benefitId', 'changedAt'])
export class BenefitStatusChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  benefitId: string;

  @Column('text')
  fromStatus: string;

  @Column('text')
  toStatus: string;

  @Index('ix_benefit_status_changes_at')
  @CreateDateColumn({ type: 'timestamptz' })
  changedAt: Date;
}
