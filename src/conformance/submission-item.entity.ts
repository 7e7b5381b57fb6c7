import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Requirement } from '../requirements/requirement.entity.js';
import { ConformanceSubmission } from './conformance-submission.entity.js';
import type { Assessment } from './submission-lifecycle.js';

/**
 * One requirement of the submission's set: the supplier's self-assessment and evidence,
 * the reviewer's verdict and comment. `contentHash` fingerprints the requirement's
 * content, so copy-forward can tell unchanged requirements from changed ones.
 */
@Entity({ name: 'submission_items' })
@Index('ux_submission_items_submission_code', ['submissionId', 'code'], { unique: true })
export class SubmissionItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  submissionId: string;

  @ManyToOne(() => ConformanceSubmission, { onDelete: 'CASCADE' })
  submission: Relation<ConformanceSubmission>;

  @Column('uuid')
  requirementId: string;

  @ManyToOne(() => Requirement, { onDelete: 'RESTRICT' })
  requirement: Relation<Requirement>;

  @Column('text')
  code: string;

  @Column('text')
  level: string;

  @Column('int')
  position: number;

  @Column('text')
  contentHash: string;

  @Column('text', { nullable: true })
  selfAssessment: Assessment | null;

  @Column('text', { default: '' })
  evidenceText: string;

  @Column('jsonb', { default: () => "'[]'" })
  evidenceUrls: string[];

  /** True when the answer was copied forward from the last approved submission. */
  @Column('boolean', { default: false })
  copiedForward: boolean;

  @Column('text', { nullable: true })
  verdict: Assessment | null;

  @Column('text', { nullable: true })
  reviewerComment: string | null;
}
