import type {
  CheckInStatus,
  CheckInViewDto,
  PartnerHealthDto,
  TrendPointDto,
} from './dto/check-in.dto.js';
import type { QuestionSetViewDto } from './dto/question-set.dto.js';
import type { ScheduleViewDto } from './dto/schedule.dto.js';

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const iso = (v: unknown): string | null => (v ? (v as Date).toISOString() : null);

export const toCheckInView = (r: Record<string, unknown>): CheckInViewDto => ({
  id: r.id as string,
  organisationId: r.organisation_id as string,
  organisationName: r.organisation_name as string,
  organisationType: r.organisation_type as string,
  scheduleId: (r.schedule_id as string | null) ?? null,
  questionSetId: r.question_set_id as string,
  questionSetNumber: Number(r.question_set_number),
  dueOn: r.due_on as string,
  status: r.status as CheckInStatus,
  office: {
    answered: r.office_answered_at !== null,
    answeredAt: iso(r.office_answered_at),
    answeredBy: (r.office_answered_by as string | null) ?? null,
  },
  partner: {
    answered: r.partner_answered_at !== null,
    answeredAt: iso(r.partner_answered_at),
    answeredBy: (r.partner_answered_by as string | null) ?? null,
  },
  questions: ((r.questions as CheckInViewDto['questions'] | null) ?? []).map((q) => ({
    ...q,
    gap: q.gap === null || q.gap === undefined ? null : Number(q.gap),
  })),
  summary: {
    officeScore: num(r.office_score),
    partnerScore: num(r.partner_score),
    meanGap: num(r.mean_gap),
  },
  version: Number(r.version),
});

export const toScheduleView = (r: Record<string, unknown>): ScheduleViewDto => ({
  id: r.id as string,
  organisationId: r.organisation_id as string,
  organisationName: r.organisation_name as string,
  organisationType: r.organisation_type as string,
  cadenceWeeks: Number(r.cadence_weeks),
  active: r.active as boolean,
  latestDueOn: (r.latest_due_on as string | null) ?? null,
  version: Number(r.version),
});

export const toQuestionSetView = (r: Record<string, unknown>): QuestionSetViewDto => ({
  id: r.id as string,
  number: Number(r.number),
  status: r.status as QuestionSetViewDto['status'],
  questions: r.questions as QuestionSetViewDto['questions'],
  publishedAt: iso(r.published_at),
  version: Number(r.version),
});

export const toTrendPoint = (r: Record<string, unknown>): TrendPointDto => ({
  checkInId: r.id as string,
  dueOn: r.due_on as string,
  score: Number(r.score),
  officeScore: Number(r.office_score),
  partnerScore: Number(r.partner_score),
  meanGap: Number(r.mean_gap),
});

export const toPartnerHealth = (r: Record<string, unknown>): PartnerHealthDto => ({
  organisationId: r.organisation_id as string,
  organisationName: r.organisation_name as string,
  organisationType: r.organisation_type as string,
  completeCheckIns: Number(r.complete_check_ins),
  latestDueOn: r.latest_due_on as string,
  latestScore: Number(r.latest_score),
  previousScore: num(r.previous_score),
  change: num(r.change),
  latestGap: Number(r.latest_gap),
});
