import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Actor, isProgrammeStaff } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { type FieldError, ProblemException } from '../common/errors/problem.exception.js';
import { assertTransition } from '../common/lifecycle/assert-transition.js';
import { type Page, type PageQueryDto, toPage } from '../common/pagination/page-query.dto.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { CheckInSide } from './check-in-answer.entity.js';
import { QUESTION_SET_TRANSITIONS } from './check-in-lifecycle.js';
import { type CheckInQuestion, SCALE_MAX } from './check-in-question-set.entity.js';
import { CheckInSchedulesRepository } from './check-in-schedules.repository.js';
import { isPartner } from './check-in-sql.js';
import type { CheckIn } from './check-in.entity.js';
import { CheckInsRepository } from './check-ins.repository.js';
import type {
  CheckInOverviewDto,
  CheckInTrendDto,
  AnswerCheckInDto,
  CheckInQueryDto,
  CheckInViewDto,
  CreateCheckInDto,
} from './dto/check-in.dto.js';
import type {
  CreateQuestionSetDto,
  PublishQuestionSetDto,
  QuestionSetViewDto,
  UpdateQuestionSetDto,
} from './dto/question-set.dto.js';
import type { CreateScheduleDto, ScheduleViewDto, UpdateScheduleDto } from './dto/schedule.dto.js';
import { QuestionSetsRepository } from './question-sets.repository.js';

const PARTNER_TYPES = ['SUPPLIER', 'COUNCIL', 'AGENCY'];

const addWeeks = (isoDate: string, weeks: number): string =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + weeks * 7 * 86_400_000).toISOString().slice(0, 10);

/**
 * Relationship health check-ins. The programme office keeps versioned question sets and
 * schedules check-ins with partners; each side answers its own half; results compare the
 * sides. Programme admins write; viewers read all; a partner reads and answers its own.
 */
@Injectable()
export class CheckInsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly store: CheckInsRepository,
    private readonly sets: QuestionSetsRepository,
    private readonly schedules: CheckInSchedulesRepository,
  ) {}

  // ---- question sets ------------------------------------------------------------------

  async listQuestionSets(q: PageQueryDto): Promise<Page<QuestionSetViewDto>> {
    const { rows, total } = await this.sets.questionSets(() => [], q);
    return toPage(rows, total, q);
  }

  getQuestionSet(id: string) {
    return this.sets.questionSet(id);
  }

  async createQuestionSet(actor: Actor, dto: CreateQuestionSetDto) {
    this.checkQuestions(dto.questions);
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const id = await this.sets.addDraft(
        m,
        dto.questions.map(({ code, text, scale }) => ({ code, text, scale })),
      );
      const view = await this.sets.questionSet(id, m);
      await this.audit.record(m, actor, {
        action: 'check_in_question_set.drafted',
        entityType: 'check_in_question_set',
        entityId: id,
        after: view,
      });
      return view;
    });
  }

  async updateQuestionSet(actor: Actor, id: string, dto: UpdateQuestionSetDto) {
    this.checkQuestions(dto.questions);
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const set = await this.lockSet(m, id, dto.version);
      if (set.status !== 'draft')
        throw ProblemException.conflict('published', 'A published question set cannot change');
      const before = await this.sets.questionSet(id, m);
      await this.sets.change(m, id, {
        questions: dto.questions.map(({ code, text, scale }) => ({ code, text, scale })),
        version: set.version + 1,
      });
      const after = await this.sets.questionSet(id, m);
      await this.audit.record(m, actor, {
        action: 'check_in_question_set.updated',
        entityType: 'check_in_question_set',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  async publishQuestionSet(actor: Actor, id: string, dto: PublishQuestionSetDto) {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const set = await this.lockSet(m, id, dto.version);
      assertTransition(QUESTION_SET_TRANSITIONS, set.status, 'published', 'question set');
      await this.sets.change(m, id, {
        status: 'published',
        publishedAt: new Date(),
        version: set.version + 1,
      });
      const after = await this.sets.questionSet(id, m);
      await this.audit.record(m, actor, {
        action: 'check_in_question_set.published',
        entityType: 'check_in_question_set',
        entityId: id,
        before: { status: set.status },
        after: { status: 'published', number: after.number },
      });
      return after;
    });
  }

  // ---- schedules ----------------------------------------------------------------------

  async listSchedules(q: PageQueryDto): Promise<Page<ScheduleViewDto>> {
    const { rows, total } = await this.schedules.schedules(() => [], q);
    return toPage(rows, total, q);
  }

  getSchedule(id: string) {
    return this.schedules.schedule(id);
  }

  async createSchedule(actor: Actor, dto: CreateScheduleDto): Promise<ScheduleViewDto> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      await this.checkPartner(m, dto.organisationId);
      const setId = await this.currentSetId(m);
      const scheduleId = await this.schedules.addSchedule(m, dto.organisationId, dto.cadenceWeeks);
      if (!scheduleId)
        throw ProblemException.conflict(
          'schedule_exists',
          'This partner has a check-in schedule already: change its cadence instead',
        );
      const checkInId = await this.store.addCheckIn(
        m,
        dto.organisationId,
        dto.firstDueOn,
        setId,
        scheduleId,
      );
      const view = await this.schedules.schedule(scheduleId, m);
      await this.audit.record(m, actor, {
        action: 'check_in_schedule.created',
        entityType: 'check_in_schedule',
        entityId: scheduleId,
        after: { ...view, firstCheckInId: checkInId, firstDueOn: dto.firstDueOn },
      });
      return view;
    });
  }

  async updateSchedule(actor: Actor, id: string, dto: UpdateScheduleDto) {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const s = await this.schedules.lockForChange(m, id);
      if (!s) throw ProblemException.notFound('Check-in schedule', id);
      if (s.version !== dto.version)
        throw ProblemException.staleVersion('Check-in schedule', s.version);
      const before = await this.schedules.schedule(id, m);
      await this.schedules.change(m, id, {
        cadenceWeeks: dto.cadenceWeeks ?? s.cadenceWeeks,
        active: dto.active ?? s.active,
        version: s.version + 1,
      });
      const after = await this.schedules.schedule(id, m);
      await this.audit.record(m, actor, {
        action: 'check_in_schedule.updated',
        entityType: 'check_in_schedule',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  // ---- check-ins ----------------------------------------------------------------------

  async list(actor: Actor, q: CheckInQueryDto): Promise<Page<CheckInViewDto>> {
    const { rows, total } = await this.store.checkIns(
      actor,
      (p) => [
        ...(q.organisationId ? [`ci.organisation_id = ${p.add(q.organisationId)}`] : []),
        ...(q.status ? [this.store.statusClause(p, q.status)] : []),
      ],
      q,
    );
    return toPage(rows, total, q);
  }

  get(actor: Actor, id: string) {
    return this.store.checkIn(actor, id);
  }

  /** A partner's complete check-ins, oldest first; a partner reads only its own (else 404). */
  async trend(actor: Actor, organisationId: string): Promise<CheckInTrendDto> {
    if (isPartner(actor) && actor.organisationId !== organisationId)
      throw ProblemException.notFound('Partner', organisationId);
    const points = await this.store.trend(organisationId);
    if (!points) throw ProblemException.notFound('Partner', organisationId);
    return { organisationId, points };
  }

  /**
   * The programme-wide view: each partner's latest complete check-in against the previous
   * one, and the gap between its sides; partners whose score fell, and those whose sides
   * disagree most. One statement.
   */
  async overview(): Promise<CheckInOverviewDto> {
    const partners = await this.store.partnerHealth();
    return {
      fell: partners
        .filter((x) => x.change !== null && x.change < 0)
        .sort((a, b) => a.change! - b.change!),
      disagree: partners
        .filter((x) => x.latestGap > 0)
        .sort((a, b) => b.latestGap - a.latestGap)
        .slice(0, 10),
      partners,
    };
  }

  async create(actor: Actor, dto: CreateCheckInDto): Promise<CheckInViewDto> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      await this.checkPartner(m, dto.organisationId);
      const setId = await this.currentSetId(m);
      const id = await this.store.addCheckIn(m, dto.organisationId, dto.dueOn, setId, null);
      if (!id)
        throw ProblemException.conflict(
          'duplicate_check_in',
          'This partner has a check-in due on that date already',
        );
      const view = await this.store.checkIn(actor, id, m);
      await this.audit.record(m, actor, {
        action: 'check_in.scheduled',
        entityType: 'check_in',
        entityId: id,
        after: { organisationId: dto.organisationId, dueOn: dto.dueOn, questionSetId: setId },
      });
      return view;
    });
  }

  /**
   * One side's half: the programme admin answers for the programme office, a partner for
   * itself. Every question once, on its scale; a side answers once. When the second half
   * arrives and the partner has an active schedule, the next check-in is scheduled.
   */
  async answer(actor: Actor, id: string, dto: AnswerCheckInDto): Promise<CheckInViewDto> {
    const side: CheckInSide = isProgrammeStaff(actor) ? 'office' : 'partner';
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const ci = await this.store.lockForChange(m, id);
      if (!ci || (side === 'partner' && ci.organisationId !== actor.organisationId))
        throw ProblemException.notFound('Check-in', id);
      const answeredAt = side === 'office' ? ci.officeAnsweredAt : ci.partnerAnsweredAt;
      if (answeredAt)
        throw ProblemException.conflict('already_answered', 'This side has answered this check-in');
      const set = await this.sets.get(m, ci.questionSetId);
      this.checkAnswers(set.questions, dto);
      await this.store.addAnswers(m, id, side, dto.answers);
      const now = new Date();
      const patch =
        side === 'office'
          ? { officeAnsweredAt: now, officeAnsweredBy: actor.label }
          : { partnerAnsweredAt: now, partnerAnsweredBy: actor.label };
      await this.store.change(m, id, { ...patch, version: ci.version + 1 });
      const otherDone = side === 'office' ? ci.partnerAnsweredAt : ci.officeAnsweredAt;
      const next = otherDone && ci.scheduleId ? await this.scheduleNext(m, ci) : null;
      await this.audit.record(m, actor, {
        action: 'check_in.answered',
        entityType: 'check_in',
        entityId: id,
        after: { side, answers: dto.answers, ...(next ? { nextCheckIn: next } : {}) },
      });
      return this.store.checkIn(actor, id, m);
    });
  }

  /** The next check-in of an active schedule, a cadence after this one (audited with the answer). */
  private async scheduleNext(m: EntityManager, ci: CheckIn) {
    const s = await this.schedules.active(m, ci.scheduleId!);
    if (!s) return null;
    const questionSetId = await this.currentSetId(m);
    const dueOn = addWeeks(ci.dueOn, s.cadenceWeeks);
    const id = await this.store.addCheckIn(m, ci.organisationId, dueOn, questionSetId, s.id);
    return id ? { id, dueOn, questionSetId } : null;
  }

  private async currentSetId(m: EntityManager): Promise<string> {
    const id = await this.sets.currentId(m);
    if (!id)
      throw ProblemException.unprocessable(
        'no_published_question_set',
        'Publish a check-in question set first',
      );
    return id;
  }

  private async checkPartner(m: EntityManager, organisationId: string): Promise<void> {
    const type = await this.store.organisationType(m, organisationId);
    if (!type)
      throw ProblemException.invalidFields([
        { field: 'organisationId', message: 'not a known organisation' },
      ]);
    if (!PARTNER_TYPES.includes(type))
      throw ProblemException.invalidFields([
        { field: 'organisationId', message: 'must be a supplier, council or agency' },
      ]);
  }

  private async lockSet(m: EntityManager, id: string, version: number) {
    const set = await this.sets.lockForChange(m, id);
    if (!set) throw ProblemException.notFound('Check-in question set', id);
    if (set.version !== version)
      throw ProblemException.staleVersion('Check-in question set', set.version);
    return set;
  }

  private checkQuestions(questions: CreateQuestionSetDto['questions']): void {
    const codes = questions.map((q) => q.code);
    const errors: FieldError[] = [];
    codes.forEach((c, i) => {
      if (codes.indexOf(c) !== i)
        errors.push({ field: `questions[${i}].code`, message: 'listed twice' });
    });
    if (errors.length) throw ProblemException.invalidFields(errors);
  }

  /** Every question of the set exactly once, each score on its question's scale. */
  private checkAnswers(questions: CheckInQuestion[], dto: AnswerCheckInDto): void {
    const byCode = new Map(questions.map((q) => [q.code, q]));
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    dto.answers.forEach((a, i) => {
      const q = byCode.get(a.code);
      if (!q)
        errors.push({ field: `answers[${i}].code`, message: 'not a question of this check-in' });
      else if (seen.has(a.code))
        errors.push({ field: `answers[${i}].code`, message: 'listed twice' });
      else if (a.score < 1 || a.score > SCALE_MAX[q.scale])
        errors.push({
          field: `answers[${i}].score`,
          message: `must be between 1 and ${SCALE_MAX[q.scale]}`,
        });
      seen.add(a.code);
    });
    for (const q of questions)
      if (!seen.has(q.code))
        errors.push({ field: 'answers', message: `${q.code} is not answered` });
    if (errors.length) throw ProblemException.invalidFields(errors);
  }
}
