import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Organisation } from '../organisations/organisation.entity.js';
import { Product } from '../products/product.entity.js';

export const WCAG_LEVELS = ['none', 'A', 'AA', 'AAA'] as const;
export type WcagLevel = (typeof WCAG_LEVELS)[number];

export const EVALUATION_STATUSES = ['draft', 'published'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/**
 * An independent usability evaluation of a product, recorded by the programme office:
 * System Usability Scale score (0–100), task completion, WCAG conformance level, report.
 * The supplier may add a right of reply; councils see it once published.
 */
@Entity({ name: 'usability_evaluations' })
@Index('ix_usability_evaluations_product', ['productId', 'evaluatedOn'])
export class UsabilityEvaluation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  productId: string;

  @ManyToOne(() => Product, { onDelete: 'RESTRICT' })
  product: Relation<Product>;

  @Index('ix_usability_evaluations_supplier')
  @Column('uuid')
  supplierId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  supplier: Relation<Organisation>;

  @Column('double precision')
  susScore: number;

  @Column('int')
  taskCompletionPercent: number;

  @Column('text')
  wcagLevel: WcagLevel;

  @Column('date')
  evaluatedOn: string;

  @Column('text')
  reportUrl: string;

  @Column('text', { default: '' })
  evaluator: string;

  @Column('text', { default: '' })
  summary: string;

  @Column('text', { default: 'draft' })
  status: EvaluationStatus;

  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  @Column('text', { nullable: true })
  supplierReply: string | null;

  @Column('timestamptz', { nullable: true })
  supplierRepliedAt: Date | null;

  @Index('ux_usability_evaluations_seed_key', { unique: true, where: 'seed_key IS NOT NULL' })
  @Column('text', { nullable: true, select: false })
  seedKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
