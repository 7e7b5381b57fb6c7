import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Standard } from '../standards/standard.entity.js';
import { ConformanceSubmission } from './conformance-submission.entity.js';
import type { CheckStatus, SampleVerdict } from './submission-lifecycle.js';

/**
 * A sample payload for one governing standard. At submit it is validated against the
 * standard's JSON Schema; the outcome and JSON-pointer errors are kept here.
 */
@Entity({ name: 'submission_samples' })
@Index('ix_submission_samples_submission', ['submissionId', 'standardId'])
export class SubmissionSample {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  submissionId: string;

  @ManyToOne(() => ConformanceSubmission, { onDelete: 'CASCADE' })
  submission: Relation<ConformanceSubmission>;

  @Column('uuid')
  standardId: string;

  @ManyToOne(() => Standard, { onDelete: 'RESTRICT' })
  standard: Relation<Standard>;

  @Column('text')
  label: string;

  @Column('jsonb')
  payload: unknown;

  @Column('text', { default: 'pending' })
  checkStatus: CheckStatus;

  @Column('jsonb', { default: () => "'[]'" })
  checkErrors: { pointer: string; message: string }[];

  @Column('timestamptz', { nullable: true })
  checkedAt: Date | null;

  @Column('text', { nullable: true })
  verdict: SampleVerdict | null;

  @Column('text', { nullable: true })
  reviewerComment: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
