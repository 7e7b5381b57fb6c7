import { type Actor, isProgrammeStaff } from '../auth/actor.js';
import type { SqlParams } from '../common/sql/sql-params.js';

/** Programme staff read every check-in; a partner (supplier, council, agency) only its own. */
export const isPartner = (actor: Actor): boolean => !isProgrammeStaff(actor);

/** Check-ins a caller may read, as SQL over `ci`; null when all. */
export function visibleCheckInsSql(actor: Actor, p: SqlParams): string | null {
  if (!isPartner(actor)) return null;
  return `ci.organisation_id = ${p.add(actor.organisationId)}`;
}

/**
 * The derived status: complete when both sides answered; otherwise overdue once the due
 * date has passed; otherwise answered_by_one or open.
 */
export const STATUS_SQL = `CASE
    WHEN ci.office_answered_at IS NOT NULL AND ci.partner_answered_at IS NOT NULL THEN 'complete'
    WHEN ci.due_on < current_date THEN 'overdue'
    WHEN ci.office_answered_at IS NOT NULL OR ci.partner_answered_at IS NOT NULL THEN 'answered_by_one'
    ELSE 'open' END`;

/** Scale points above the lowest score: a score s on a scale is (s - 1) / span of 100. */
const SPAN = (scale: string) => `(CASE ${scale} WHEN 'rag' THEN 2.0 ELSE 4.0 END)`;
const PCT = (x: string, scale: string) => `round(avg((${x}) * 100.0 / ${SPAN(scale)}), 1)`;

/**
 * One check-in as a row: the partner, the question set, both sides' answers per question
 * and the gap, the sides' mean scores (0–100). `officeVisible` hides the programme office's
 * answers from a partner that has not given its own half yet.
 */
export const checkInSelect = (officeVisible: string) => `SELECT ci.id, ci.organisation_id,
    o.name AS organisation_name, o.type AS organisation_type, ci.schedule_id,
    ci.question_set_id, qs.number AS question_set_number, ci.due_on::text AS due_on,
    ci.office_answered_at, ci.office_answered_by, ci.partner_answered_at,
    ci.partner_answered_by, ci.version, ${STATUS_SQL} AS status, res.questions,
    res.office_score, res.partner_score, res.mean_gap
  FROM check_ins ci
  JOIN organisations o ON o.id = ci.organisation_id
  JOIN check_in_question_sets qs ON qs.id = ci.question_set_id
  CROSS JOIN LATERAL (
    SELECT json_agg(json_build_object('code', q.item->>'code', 'text', q.item->>'text',
             'scale', q.item->>'scale',
             'office', CASE WHEN oa.score IS NOT NULL AND (${officeVisible})
                            THEN json_build_object('score', oa.score, 'comment', oa.comment) END,
             'partner', CASE WHEN pa.score IS NOT NULL
                             THEN json_build_object('score', pa.score, 'comment', pa.comment) END,
             'gap', CASE WHEN (${officeVisible}) THEN abs(oa.score - pa.score) END)
             ORDER BY q.ord) AS questions,
           CASE WHEN (${officeVisible}) THEN ${PCT('oa.score - 1', "q.item->>'scale'")} END AS office_score,
           ${PCT('pa.score - 1', "q.item->>'scale'")} AS partner_score,
           CASE WHEN (${officeVisible}) THEN ${PCT('abs(oa.score - pa.score)', "q.item->>'scale'")} END AS mean_gap
      FROM jsonb_array_elements(qs.questions) WITH ORDINALITY AS q(item, ord)
      LEFT JOIN check_in_answers oa ON oa.check_in_id = ci.id AND oa.side = 'office'
             AND oa.question_code = q.item->>'code'
      LEFT JOIN check_in_answers pa ON pa.check_in_id = ci.id AND pa.side = 'partner'
             AND pa.question_code = q.item->>'code') res`;

/**
 * Every complete check-in's scores (0–100): the mean of both sides, each side's mean and
 * the mean gap per question, with its rank per partner (1 = latest). `where` narrows the
 * check-ins (e.g. one partner).
 */
export const completeScoresSql = (where: string) => `SELECT ci.id, ci.organisation_id,
    ci.due_on::text AS due_on,
    ${PCT('(oa.score + pa.score) / 2.0 - 1', "q.item->>'scale'")} AS score,
    ${PCT('oa.score - 1', "q.item->>'scale'")} AS office_score,
    ${PCT('pa.score - 1', "q.item->>'scale'")} AS partner_score,
    ${PCT('abs(oa.score - pa.score)', "q.item->>'scale'")} AS mean_gap,
    row_number() OVER (PARTITION BY ci.organisation_id ORDER BY ci.due_on DESC) AS rank
  FROM check_ins ci
  JOIN check_in_question_sets qs ON qs.id = ci.question_set_id
  CROSS JOIN LATERAL jsonb_array_elements(qs.questions) AS q(item)
  JOIN check_in_answers oa ON oa.check_in_id = ci.id AND oa.side = 'office'
   AND oa.question_code = q.item->>'code'
  JOIN check_in_answers pa ON pa.check_in_id = ci.id AND pa.side = 'partner'
   AND pa.question_code = q.item->>'code'
 WHERE ci.office_answered_at IS NOT NULL AND ci.partner_answered_at IS NOT NULL
   ${where ? `AND ${where}` : ''}
 GROUP BY ci.id, ci.organisation_id, ci.due_on`;

export const SCHEDULE_SELECT = `SELECT s.id, s.organisation_id, o.name AS organisation_name,
    o.type AS organisation_type, s.cadence_weeks, s.active, s.version,
    (SELECT max(ci.due_on)::text FROM check_ins ci WHERE ci.schedule_id = s.id) AS latest_due_on
  FROM check_in_schedules s JOIN organisations o ON o.id = s.organisation_id`;

export const QUESTION_SET_SELECT = `SELECT qs.id, qs.number, qs.status, qs.questions,
    qs.published_at, qs.version FROM check_in_question_sets qs`;

export type Filter = (p: SqlParams) => string[];
export type PageArgs = { limit: number; offset: number };

/** The select with the full count of its rows beside each (`total_count`). */
export const withTotal = (sql: string) =>
  sql.replace('SELECT ', 'SELECT count(*) OVER () AS total_count, ');

export const paging = (p: SqlParams, page?: PageArgs) =>
  page ? `LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}` : '';
