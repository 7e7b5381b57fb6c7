import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, isProgrammeStaff } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { ConformanceSubmission } from './conformance-submission.entity.js';
import { SubmissionHistory } from './submission-history.entity.js';
import {
  isEditable,
  type SubmissionResult,
  type SubmissionStatus,
} from './submission-lifecycle.js';

/** Programme staff see every submission; a supplier only its own (404 otherwise). */
export const canSeeSubmission = (actor: Actor, s: { supplierId: string }) =>
  isProgrammeStaff(actor) || (actor.role === 'supplier' && s.supplierId === actor.organisationId);

export interface SubmissionHistoryEntry {
  event: string;
  fromStatus?: SubmissionStatus | null;
  toStatus?: SubmissionStatus | null;
  result?: SubmissionResult | null;
  note?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Loading and locking submissions for the use-case services: visibility (404), the
 * optimistic version check (409), the editable-state check (409) and history rows.
 */
@Injectable()
export class SubmissionStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findVisible(actor: Actor, id: string): Promise<ConformanceSubmission> {
    const s = await this.db.getRepository(ConformanceSubmission).findOneBy({ id });
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
    const s = await m.findOne(ConformanceSubmission, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
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
    return m.save(s);
  }

  async addHistory(
    m: EntityManager,
    actor: Actor,
    submissionId: string,
    e: SubmissionHistoryEntry,
  ): Promise<void> {
    await m.save(
      m.create(SubmissionHistory, {
        submissionId,
        event: e.event,
        fromStatus: e.fromStatus ?? null,
        toStatus: e.toStatus ?? null,
        result: e.result ?? null,
        note: e.note ?? null,
        details: e.details ?? {},
        actorUserId: actor.userId,
        actorLabel: actor.label,
      }),
    );
  }
}
