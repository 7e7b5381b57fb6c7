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
import { Service } from '../catalogue/service.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Product } from '../products/product.entity.js';
import { RequirementSet } from '../requirements/requirement-set.entity.js';
import type { SubmissionResult, SubmissionStatus } from './submission-lifecycle.js';

/**
 * A product's claim to meet one published requirement-set version of a service, plus
 * sample payloads for the standards governing that service. `round` counts submissions
 * (1 at first submit, +1 per resubmission); `snapshot` is what was last submitted.
 */
@Entity({ name: 'conformance_submissions' })
@Index('ix_conformance_submissions_product_service', ['productId', 'serviceId'])
@Index('ix_conformance_submissions_status', ['status'])
export class ConformanceSubmission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  productId: string;

  @ManyToOne(() => Product, { onDelete: 'RESTRICT' })
  product: Relation<Product>;

  @Index('ix_conformance_submissions_supplier')
  @Column('uuid')
  supplierId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  supplier: Relation<Organisation>;

  @Column('uuid')
  serviceId: string;

  @ManyToOne(() => Service, { onDelete: 'RESTRICT' })
  service: Relation<Service>;

  @Column('uuid')
  requirementSetId: string;

  @ManyToOne(() => RequirementSet, { onDelete: 'RESTRICT' })
  requirementSet: Relation<RequirementSet>;

  @Column('text', { default: 'draft' })
  status: SubmissionStatus;

  @Column('text', { nullable: true })
  result: SubmissionResult | null;

  @Column('int', { default: 0 })
  round: number;

  /** The approved submission answers were copied forward from, if any. */
  @Column('uuid', { nullable: true })
  copiedFromId: string | null;

  @Column('int', { default: 0 })
  copiedItems: number;

  @Column('uuid', { nullable: true })
  reviewerUserId: string | null;

  @Column('text', { nullable: true })
  decisionReason: string | null;

  /** Why the reviewer approved despite failing standard checks. */
  @Column('text', { nullable: true })
  overrideReason: string | null;

  @Column('timestamptz', { nullable: true })
  submittedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  /** Items and samples as last submitted (frozen); null before the first submit. */
  @Column('jsonb', { nullable: true, select: false })
  snapshot: Record<string, unknown> | null;

  @Index('ux_conformance_submissions_seed_key', { unique: true, where: 'seed_key IS NOT NULL' })
  @Column('text', { nullable: true, select: false })
  seedKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
