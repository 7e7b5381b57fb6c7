import {
  Check,
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
import { User } from '../auth/user.entity.js';
import { Service } from '../catalogue/service.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import type {
  EscalationLevel,
  RiskCategory,
  RiskKind,
  RiskScope,
  RiskStatus,
  RiskTreatment,
} from './risk-lifecycle.js';

/**
 * An entry of the national register: a risk, an issue or a barrier, scoped nationally or
 * to a service, a supplier or a council. Scores are stored as likelihood/impact pairs
 * (inherent at identification, residual now) with their products; RAG is derived from
 * the residual score and the configured thresholds. `reference` (R-0042) comes from the
 * `risk_reference_seq` sequence at insert and is never reused.
 */
@Entity({ name: 'risks' })
@Check(
  'ck_risks_scores_1_to_5',
  `inherent_likelihood BETWEEN 1 AND 5 AND inherent_impact BETWEEN 1 AND 5 AND residual_likelihood BETWEEN 1 AND 5 AND residual_impact BETWEEN 1 AND 5`,
)
@Index('ix_risks_kind', ['kind'])
@Index('ix_risks_status', ['status'])
@Index('ix_risks_scope', ['scope'])
@Index('ix_risks_category', ['category'])
@Index('ix_risks_escalation', ['escalationLevel'])
@Index('ix_risks_residual_score', ['residualScore'])
@Index('ix_risks_next_review', ['nextReviewAt'], {
  where: `status IN ('identified', 'assessed', 'mitigating', 'monitoring')`,
})
export class Risk {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ux_risks_reference', { unique: true })
  @Column('text')
  reference: string;

  @Column('text')
  kind: RiskKind;

  @Column('text')
  title: string;

  @Column('text', { default: '' })
  description: string;

  @Column('text')
  category: RiskCategory;

  @Column('text')
  scope: RiskScope;

  /** The catalogue service of a service-scoped entry (or the service a supplier/council entry concerns). */
  @Index('ix_risks_service', { where: 'service_id IS NOT NULL' })
  @Column('uuid', { nullable: true })
  serviceId: string | null;

  @ManyToOne(() => Service)
  service: Relation<Service> | null;

  @Index('ix_risks_supplier', { where: 'supplier_id IS NOT NULL' })
  @Column('uuid', { nullable: true })
  supplierId: string | null;

  @ManyToOne(() => Organisation)
  supplier: Relation<Organisation> | null;

  @Index('ix_risks_council', { where: 'council_id IS NOT NULL' })
  @Column('uuid', { nullable: true })
  councilId: string | null;

  @ManyToOne(() => Organisation)
  council: Relation<Organisation> | null;

  @Index('ix_risks_owner_user', { where: 'owner_user_id IS NOT NULL' })
  @Column('uuid', { nullable: true })
  ownerUserId: string | null;

  @ManyToOne(() => User)
  ownerUser: Relation<User> | null;

  @Index('ix_risks_owner_organisation')
  @Column('uuid')
  ownerOrganisationId: string;

  @ManyToOne(() => Organisation)
  ownerOrganisation: Relation<Organisation>;

  @Column('uuid', { nullable: true })
  raisedByUserId: string | null;

  @Column('uuid', { nullable: true })
  raisedByOrganisationId: string | null;

  @Column('text')
  treatment: RiskTreatment;

  @Column('text')
  status: RiskStatus;

  @Column('text')
  escalationLevel: EscalationLevel;

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

  @Column('timestamptz', { nullable: true })
  lastReviewedAt: Date | null;

  @Column('timestamptz')
  nextReviewAt: Date;

  /** UTC day the worker last announced this entry's overdue review (one event per day). */
  @Column('date', { nullable: true })
  reviewOverdueNotifiedOn: string | null;

  @Column('text', { nullable: true })
  closureReason: string | null;

  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;

  /** On an issue: the risk it was realised from. */
  @Index('ix_risks_realised_from', { where: 'realised_from_id IS NOT NULL' })
  @Column('uuid', { nullable: true })
  realisedFromId: string | null;

  @ManyToOne(() => Risk)
  realisedFrom: Relation<Risk> | null;

  /** On a realised risk: the issue it became. */
  @Column('uuid', { nullable: true })
  realisedIssueId: string | null;

  @ManyToOne(() => Risk)
  realisedIssue: Relation<Risk> | null;

  @Column('timestamptz', { nullable: true })
  realisedAt: Date | null;

  /** Stable key of a demo-seeded entry, so seeding twice inserts nothing; null otherwise. */
  @Index('ux_risks_seed_key', { unique: true, where: 'seed_key IS NOT NULL' })
  @Column('text', { nullable: true, select: false })
  seedKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
