import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { DecisionStatus } from './decision-lifecycle.js';

/** One option considered for a decision, with its pros and cons. */
export interface DecisionOption {
  title: string;
  description: string;
  pros: string[];
  cons: string[];
}

/**
 * A decision record: what was decided, why, who decided and was consulted or informed, and
 * what it affects. Links are uuid arrays (GIN-indexed by hand in the migration) so the
 * views of a risk, a requirement or a service find their decisions in one indexed query.
 * `search_vector` is kept by a trigger (written by hand in the migration) from title,
 * context and rationale.
 */
@Entity({ name: 'decisions' })
export class Decision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  title: string;

  @Column('text', { default: '' })
  context: string;

  @Column('jsonb', { default: () => "'[]'" })
  options: DecisionOption[];

  @Column('text', { default: '' })
  outcome: string;

  @Column('text', { default: '' })
  rationale: string;

  @Column('text', { default: '' })
  consequences: string;

  @Column('text', { default: 'proposed' })
  status: DecisionStatus;

  /** The accepted decision this one replaces (it becomes superseded when this is accepted). */
  @Index('ix_decisions_supersedes')
  @Column('uuid', { nullable: true })
  supersedesId: string | null;

  /** Set on the old decision when its replacement is accepted: the link back. */
  @Column('uuid', { nullable: true })
  supersededById: string | null;

  /** The governance meeting that took it (members of its group may read it). */
  @Index('ix_decisions_meeting')
  @Column('uuid', { nullable: true })
  decidedByMeetingId: string | null;

  /** Named people who decided (when no governance meeting did). */
  @Column('text', { array: true, default: () => "'{}'" })
  decidedByPeople: string[];

  @Index('ix_decisions_consulted', { synchronize: false })
  @Column('uuid', { array: true, default: () => "'{}'" })
  consultedOrganisationIds: string[];

  @Index('ix_decisions_informed', { synchronize: false })
  @Column('uuid', { array: true, default: () => "'{}'" })
  informedOrganisationIds: string[];

  /** Readable by every supplier and council, not only those consulted or informed. */
  @Column('boolean', { default: false })
  publicToProgramme: boolean;

  @Column('date', { nullable: true })
  decidedOn: string | null;

  @Column('date', { nullable: true })
  reviewDate: string | null;

  @Column('text', { nullable: true })
  revocationReason: string | null;

  @Index('ix_decisions_risks', { synchronize: false })
  @Column('uuid', { array: true, default: () => "'{}'" })
  riskIds: string[];

  @Index('ix_decisions_requirements', { synchronize: false })
  @Column('uuid', { array: true, default: () => "'{}'" })
  requirementIds: string[];

  @Index('ix_decisions_services', { synchronize: false })
  @Column('uuid', { array: true, default: () => "'{}'" })
  serviceIds: string[];

  @Column('uuid', { array: true, default: () => "'{}'" })
  standardIds: string[];

  @Column('uuid', { array: true, default: () => "'{}'" })
  localVarianceIds: string[];

  @Column('uuid', { array: true, default: () => "'{}'" })
  productIds: string[];

  @Index('ix_decisions_search', { synchronize: false })
  @Column({
    type: 'tsvector',
    select: false,
    insert: false,
    update: false,
    nullable: true,
  })
  searchVector: string | null;

  @Index('ux_decisions_seed_key', { unique: true, where: 'seed_key IS NOT NULL' })
  @Column('text', { nullable: true, select: false })
  seedKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
