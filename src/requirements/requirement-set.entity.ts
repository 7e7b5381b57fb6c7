import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Service } from '../catalogue/service.entity.js';
import type { RequirementSetStatus } from './requirement-lifecycle.js';

/**
 * One version of a service's minimum functional requirements. Drafts are edited, then
 * published with an effective date and never changed again; the next version starts as
 * a copy of a published one. A service has at most one draft and one published set.
 */
@Entity({ name: 'requirement_sets' })
@Index('ux_requirement_sets_service_version', ['serviceId', 'version'], { unique: true })
@Index('ux_requirement_sets_one_draft', ['serviceId'], { unique: true, where: `status = 'draft'` })
@Index('ux_requirement_sets_one_published', ['serviceId'], {
  unique: true,
  where: `status = 'published'`,
})
@Index('ix_requirement_sets_status', ['status'])
export class RequirementSet {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  serviceId: string;

  @ManyToOne(() => Service, { onDelete: 'RESTRICT' })
  service: Relation<Service>;

  /** 1, 2, 3… per service. */
  @Column('int')
  version: number;

  @Column('text')
  status: RequirementSetStatus;

  @Column('text')
  title: string;

  @Column('text', { default: '' })
  summary: string;

  @Column('date', { nullable: true })
  effectiveDate: string | null;

  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  supersededAt: Date | null;

  /** The published set this draft was copied from, if any. */
  @Column('uuid', { nullable: true })
  basedOnId: string | null;

  @ManyToOne(() => RequirementSet, { onDelete: 'SET NULL', nullable: true })
  basedOn: Relation<RequirementSet> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
