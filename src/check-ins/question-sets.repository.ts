import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ProblemException } from '../common/errors/problem.exception.js';
import { SqlParams } from '../common/sql/sql-params.js';
import { type CheckInQuestion, CheckInQuestionSet } from './check-in-question-set.entity.js';
import {
  type Filter,
  type PageArgs,
  paging,
  QUESTION_SET_SELECT,
  withTotal,
} from './check-in-sql.js';
import { toQuestionSetView } from './check-in-views.js';
import type { QuestionSetViewDto } from './dto/question-set.dto.js';

/** Versioned check-in question sets (`check_in_question_sets`). */
@Injectable()
export class QuestionSetsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async questionSets(filter: Filter, page?: PageArgs, m: EntityManager = this.db.manager) {
    const p = new SqlParams();
    const clauses = filter(p);
    const sql = `${withTotal(QUESTION_SET_SELECT)}
      ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY qs.number DESC
      ${paging(p, page)}`;
    const raw = await m.query<Record<string, unknown>[]>(sql, p.values);
    return { rows: raw.map(toQuestionSetView), total: Number(raw[0]?.total_count ?? 0) };
  }

  async questionSet(id: string, m?: EntityManager): Promise<QuestionSetViewDto> {
    const { rows } = await this.questionSets((p) => [`qs.id = ${p.add(id)}`], undefined, m);
    if (!rows[0]) throw ProblemException.notFound('Check-in question set', id);
    return rows[0];
  }

  /** Drafts the next-numbered set (the table locked so numbers stay unique); its id. */
  async addDraft(m: EntityManager, questions: CheckInQuestion[]): Promise<string> {
    await m.query(`LOCK TABLE check_in_question_sets IN SHARE ROW EXCLUSIVE MODE`);
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO check_in_question_sets (number, questions)
       SELECT coalesce(max(number), 0) + 1, $1::jsonb FROM check_in_question_sets
       RETURNING id`,
      [JSON.stringify(questions)],
    );
    return row.id;
  }

  async lockForChange(m: EntityManager, id: string): Promise<CheckInQuestionSet | null> {
    return m.findOne(CheckInQuestionSet, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async change(m: EntityManager, id: string, changes: Partial<CheckInQuestionSet>) {
    await m.update(CheckInQuestionSet, id, changes);
  }

  async get(m: EntityManager, id: string): Promise<CheckInQuestionSet> {
    return m.findOneByOrFail(CheckInQuestionSet, { id });
  }

  /** The latest published set's id, if any. */
  async currentId(m: EntityManager): Promise<string | undefined> {
    const [row] = await m.query<{ id: string }[]>(
      `SELECT id FROM check_in_question_sets WHERE status = 'published' ORDER BY number DESC LIMIT 1`,
    );
    return row?.id;
  }
}
