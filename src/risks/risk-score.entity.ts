import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Risk } from './risk.entity.js';

export type ScoreSource = 'created' | 'updated' | 'reviewed';

/** One row per change of an entry's scores: both pairs as they stood after the change. */
@Entity({ name: 'risk_scores' })
@Index('ix_risk_scores_risk', ['riskId', 'recordedAt'])
export class RiskScore {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  riskId: string;

  @ManyToOne(() => Risk, { onDelete: 'CASCADE' })
  risk: Relation<Risk>;

  @Column('text')
  source: ScoreSource;

  @Column('smallint')
  inherentLikelihood: number;

  @Column('smallint')
  inherentImpact: number;

  @Column('smallint')
  inherentScore: number;

  @Column('smallint')
  residualLikelihood: number;

  @Column('smallint')
  residualImpact: number;

  @Column('smallint')
  residualScore: number;

  @Column('uuid', { nullable: true })
  actorUserId: string | null;

  @Column('text')
  actorLabel: string;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
