import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export const CHECK_IN_SCALES = ['rag', '1-5'] as const;
export type CheckInScale = (typeof CHECK_IN_SCALES)[number];
/** Scores are stored as integers: RAG red 1, amber 2, green 3; the 1–5 scale as given. */
export const SCALE_MAX: Record<CheckInScale, number> = { rag: 3, '1-5': 5 };

export const QUESTION_SET_STATUSES = ['draft', 'published'] as const;
export type QuestionSetStatus = (typeof QUESTION_SET_STATUSES)[number];

export interface CheckInQuestion {
  code: string;
  text: string;
  scale: CheckInScale;
}

/**
 * A numbered version of the check-in questions (like requirement sets): a draft can be
 * changed, a published set never; new check-ins use the newest published set.
 */
@Entity({ name: 'check_in_question_sets' })
export class CheckInQuestionSet {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ux_check_in_question_sets_number', { unique: true })
  @Column('int')
  number: number;

  @Column('text', { default: 'draft' })
  status: QuestionSetStatus;

  @Column('jsonb')
  questions: CheckInQuestion[];

  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  @Index('ux_check_in_question_sets_seed_key', { unique: true, where: 'seed_key IS NOT NULL' })
  @Column('text', { nullable: true, select: false })
  seedKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
