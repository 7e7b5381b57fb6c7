import type { QuestionSetStatus } from './check-in-question-set.entity.js';

/** A question set is drafted, then published; a published set never changes. */
export const QUESTION_SET_TRANSITIONS: Readonly<
  Record<QuestionSetStatus, readonly QuestionSetStatus[]>
> = {
  draft: ['published'],
  published: [],
};
