import { Column, Entity, Index, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Adoption } from './adoption.entity.js';
import { SuccessStep } from './success-step.entity.js';

/** A step of the checklist done for one adoption (absent row: not done). */
@Entity({ name: 'adoption_steps' })
export class AdoptionStep {
  @PrimaryColumn('uuid')
  adoptionId: string;

  @ManyToOne(() => Adoption, { onDelete: 'CASCADE' })
  adoption: Relation<Adoption>;

  @Index('ix_adoption_steps_step')
  @PrimaryColumn('uuid')
  stepId: string;

  @ManyToOne(() => SuccessStep, { onDelete: 'CASCADE' })
  step: Relation<SuccessStep>;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('uuid', { nullable: true })
  completedByUserId: string | null;

  @Column('text')
  completedByLabel: string;

  @Column('timestamptz', { default: () => 'now()' })
  completedAt: Date;
}
