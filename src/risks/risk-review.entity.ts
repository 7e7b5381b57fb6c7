import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { Rag } from './risk-lifecycle.js';
import { Risk } from './risk.entity.js';

/** A recorded review of an entry: the note, any re-scoring, and the next review date it set. */
@Entity({ name: 'risk_reviews' })
@Index('ix_risk_reviews_risk', ['riskId', 'reviewedAt'])
export class RiskReview {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  riskId: string;

  @ManyToOne(() => Risk, { onDelete: 'CASCADE' })
  risk: Relation<Risk>;

  @Column('text')
  note: string;

  /** The residual likelihood and impact given at this review, if the scores changed. */
  @Column('smallint', { nullable: true })
  likelihood: number | null;

  @Column('smallint', { nullable: true })
  impact: number | null;

  @Column('smallint')
  residualScore: number;

  @Column('text')
  rag: Rag;

  @Column('uuid', { nullable: true })
  reviewerUserId: string | null;

  @Column('text')
  reviewerLabel: string;

  @Column('timestamptz', { default: () => 'now()' })
  reviewedAt: Date;

  @Column('timestamptz')
  nextReviewAt: Date;
}
