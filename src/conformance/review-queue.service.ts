import { Injectable } from '@nestjs/common';
import { type Actor, isProgrammeStaff } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type ReviewEntry, ReviewQueueRepository } from './review-queue.repository.js';

/**
 * The programme office's review queue: submissions waiting for a decision (submitted or
 * in review), oldest submitted first, with who claimed each. One statement per read.
 */
@Injectable()
export class ReviewQueueService {
  constructor(private readonly queue: ReviewQueueRepository) {}

  async waiting(actor: Actor): Promise<ReviewEntry[]> {
    if (!isProgrammeStaff(actor)) return [];
    return this.queue.waiting();
  }

  /** One submission's names (404 for anyone but programme staff). */
  async entry(actor: Actor, id: string): Promise<ReviewEntry> {
    const row = isProgrammeStaff(actor) ? await this.queue.entry(id) : null;
    if (!row) throw ProblemException.notFound('Submission', id);
    return row;
  }
}
