import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { AuditChanges } from '../audit/audit-event.entity.js';
import type { AdoptionStage } from './adoption-stage.js';
import { Adoption } from './adoption.entity.js';

/**
 * Every change to an adoption: stage moves, route and date edits, knock-on flags, with
 * actor, time and note. The monthly live trend is computed from the stage moves.
 */
@Entity({ name: 'adoption_history' })
@Index('ix_adoption_history_adoption', ['adoptionId', 'occurredAt'])
@Index('ix_adoption_history_live_moves', ['occurredAt'], {
  where: `to_stage = 'live' OR from_stage = 'live'`,
})
export class AdoptionHistory {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  adoptionId: string;

  @ManyToOne(() => Adoption, { onDelete: 'CASCADE' })
  adoption: Relation<Adoption>;

  /** created, transitioned, updated, attention_flagged, step_completed, step_reopened. */
  @Column('text')
  event: string;

  @Column('text', { nullable: true })
  fromStage: AdoptionStage | null;

  @Column('text', { nullable: true })
  toStage: AdoptionStage | null;

  @Column('jsonb', { default: () => "'{}'" })
  changes: AuditChanges;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('uuid', { nullable: true })
  actorUserId: string | null;

  @Column('text')
  actorLabel: string;

  /** Set explicitly by the demo seed to backdate the timeline; now() otherwise. */
  @Column('timestamptz', { default: () => 'now()' })
  occurredAt: Date;
}
