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
import type { VarianceStatus } from './adoption-lifecycle.js';
import { Adoption } from './adoption.entity.js';

/**
 * A council's deviation from the national baseline for one requirement of the service it
 * adopts. `councilId`/`serviceId` are copied from the adoption so the lists "by council"
 * and "by requirement" need no join.
 */
@Entity({ name: 'local_variances' })
@Index('ix_local_variances_requirement', ['requirementCode', 'status'])
@Index('ix_local_variances_council', ['councilId', 'status'])
export class LocalVariance {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_local_variances_adoption')
  @Column('uuid')
  adoptionId: string;

  @ManyToOne(() => Adoption, { onDelete: 'CASCADE' })
  adoption: Relation<Adoption>;

  @Column('uuid')
  councilId: string;

  @Column('uuid')
  serviceId: string;

  /** e.g. ADM-014: a code of the service's published requirement set. */
  @Column('text')
  requirementCode: string;

  @Column('text')
  description: string;

  @Column('text')
  justification: string;

  /** The last day the variance applies. */
  @Column('date')
  expiresOn: string;

  @Column('text', { default: 'proposed' })
  status: VarianceStatus;

  @Column('text', { nullable: true })
  decisionReason: string | null;

  @Column('uuid', { nullable: true })
  decidedByUserId: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  @Column('uuid', { nullable: true })
  proposedByUserId: string | null;

  /** Stable key of a demo-seeded variance; null otherwise. */
  @Index('ux_local_variances_seed_key', { unique: true, where: 'seed_key IS NOT NULL' })
  @Column('text', { nullable: true, select: false })
  seedKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
