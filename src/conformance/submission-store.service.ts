import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Actor, isProgrammeStaff } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import type { ConformanceSubmission } from './conformance-submission.entity.js';
import { isEditable, type SubmissionStatus } from './submission-lifecycle.js';
import { SubmissionsRepository } from './submissions.repository.js';

/** Programme staff see every submission; a supplier only its own (404 otherwise). */
export const canSeeSubmission = (actor: Actor, s: { supplierId: string }) =>
  isProgrammeStaff(actor) || (actor.role === 'supplier' && s.supplierId === actor.organisationId);

/**
 * Loading and locking submissions for the use-case services: visibility (404), the
 * optimistic version check (409) and the editable-state check (409).
 */
@Injectable()
export class SubmissionStore {
  constructor(private readonly submissions: SubmissionsRepository) {}

  async findVisible(actor: Actor, id: string): Promise<ConformanceSubmission> {
    const s = await this.submissions.find(id);
    if (!s || !canSeeSubmission(actor, s)) throw ProblemException.notFound('Submission', id);
    return s;
  }

  /** Locks the row; a supplier must own it, programme staff may act on any. */
  async lock(
    m: EntityManager,
    actor: Actor,
    id: string,
    version: number,
  ): Promise<ConformanceSubmission> {
    const s = await this.submissions.lockForChange(m, id);
    if (!s || !canSeeSubmission(actor, s)) throw ProblemException.notFound('Submission', id);
    if (s.version !== version) throw ProblemException.staleVersion('Submission', s.version);
    return s;
  }

  /** 409 unless the supplier may still change answers and samples. */
  assertEditable(s: ConformanceSubmission): void {
    if (!isEditable(s)) {
      throw ProblemException.conflict(
        'submission_locked',
        `The submission is ${s.status}${s.result ? ` (${s.result})` : ''}: its submitted snapshot cannot be edited`,
        { status: s.status, result: s.result },
      );
    }
  }

  assertStatus(s: ConformanceSubmission, status: SubmissionStatus, code: string): void {
    if (s.status !== status) {
      throw ProblemException.conflict(
        code,
        `The submission is ${s.status}; this needs it to be ${status}`,
        { status: s.status, required: status },
      );
    }
  }

  /** Bumps the version and updated time after a change to items or samples. */
  async touch(m: EntityManager, s: ConformanceSubmission): Promise<ConformanceSubmission> {
    s.updatedAt = new Date();
    return this.submissions.persist(m, s);
  }
}
