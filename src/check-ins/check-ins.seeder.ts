import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DEMO_CHECK_INS,
  DEMO_NEXT_WEEKS,
  DEMO_QUESTIONS,
  DEMO_ROUND_WEEKS,
} from './demo-check-ins.js';

const day = (now: Date, weeks: number) =>
  new Date(now.getTime() + weeks * 7 * 86_400_000).toISOString().slice(0, 10);

/**
 * Demo check-ins: the published question set, an 8-weekly schedule with five forum
 * suppliers, three answered rounds over six months (one relationship deteriorating) and the
 * next round due. Set-based statements, idempotent by seed key.
 */
@Injectable()
export class CheckInsSeeder {
  async seedDemo(m: EntityManager, now = new Date()): Promise<Record<string, number>> {
    const sets: { id: string }[] = await m.query(
      `INSERT INTO check_in_question_sets (seed_key, number, status, questions, published_at)
       SELECT 'demo-check-ins-v1', coalesce(max(number), 0) + 1, 'published', $1::jsonb, $2
         FROM check_in_question_sets
       ON CONFLICT DO NOTHING RETURNING id`,
      [JSON.stringify(DEMO_QUESTIONS), new Date(now.getTime() - 30 * 7 * 86_400_000)],
    );
    if (sets.length === 0) return { checkIns: 0 };
    const orgs = DEMO_CHECK_INS.map((c) => ({ org: c.org }));
    const schedules: { id: string }[] = await m.query(
      `INSERT INTO check_in_schedules (organisation_id, cadence_weeks)
       SELECT o.id, 8 FROM jsonb_to_recordset($1::jsonb) AS t(org text)
         JOIN organisations o ON o.name = t.org
       ON CONFLICT DO NOTHING RETURNING id`,
      [JSON.stringify(orgs)],
    );
    const rows = DEMO_CHECK_INS.flatMap((c, ci) => [
      ...c.rounds.map((_, r) => ({
        key: `demo-check-in-${ci + 1}-${r + 1}`,
        org: c.org,
        due: day(now, DEMO_ROUND_WEEKS[r]),
        answered: new Date(
          now.getTime() + (DEMO_ROUND_WEEKS[r] * 7 - 2) * 86_400_000,
        ).toISOString(),
      })),
      {
        key: `demo-check-in-${ci + 1}-next`,
        org: c.org,
        due: day(now, DEMO_NEXT_WEEKS),
        answered: null,
      },
    ]);
    const inserted: { id: string }[] = await m.query(
      `INSERT INTO check_ins (seed_key, organisation_id, schedule_id, question_set_id, due_on,
                              office_answered_at, office_answered_by,
                              partner_answered_at, partner_answered_by)
       SELECT t.key, o.id, s.id, $2, t.due::date, t.answered::timestamptz,
              CASE WHEN t.answered IS NOT NULL THEN 'Programme Office relationship manager' END,
              t.answered::timestamptz,
              CASE WHEN t.answered IS NOT NULL THEN 'Account director, ' || o.name END
         FROM jsonb_to_recordset($1::jsonb) AS t(key text, org text, due text, answered text)
         JOIN organisations o ON o.name = t.org
         LEFT JOIN check_in_schedules s ON s.organisation_id = o.id
       ON CONFLICT DO NOTHING RETURNING id`,
      [JSON.stringify(rows), sets[0].id],
    );
    const answers = DEMO_CHECK_INS.flatMap((c, ci) =>
      c.rounds.flatMap((round, r) =>
        (['office', 'partner'] as const).flatMap((side) =>
          DEMO_QUESTIONS.map((q, i) => ({
            key: `demo-check-in-${ci + 1}-${r + 1}`,
            side,
            code: q.code,
            score: round[side].scores[i],
            comment: round[side].comments?.[q.code] ?? '',
          })),
        ),
      ),
    );
    await m.query(
      `INSERT INTO check_in_answers (check_in_id, side, question_code, score, comment)
       SELECT ci.id, t.side, t.code, t.score, t.comment
         FROM jsonb_to_recordset($1::jsonb) AS t(key text, side text, code text, score int, comment text)
         JOIN check_ins ci ON ci.seed_key = t.key
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(answers)],
    );
    return {
      checkInQuestionSets: sets.length,
      checkInSchedules: schedules.length,
      checkIns: inserted.length,
      checkInAnswers: answers.length,
    };
  }
}
