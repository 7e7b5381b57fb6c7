import { Column, Entity, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CheckIn } from './check-in.entity.js';

export const CHECK_IN_SIDES = ['office', 'partner'] as const;
export type CheckInSide = (typeof CHECK_IN_SIDES)[number];

/** One side's score and comment on one question of a check-in. */
@Entity({ name: 'check_in_answers' })
export class CheckInAnswer {
  @PrimaryColumn('uuid')
  checkInId: string;

  @ManyToOne(() => CheckIn, { onDelete: 'CASCADE' })
  checkIn: Relation<CheckIn>;

  @PrimaryColumn('text')
  side: CheckInSide;

  @PrimaryColumn('text')
  questionCode: string;

  @Column('smallint')
  score: number;

  @Column('text', { default: '' })
  comment: string;
}
