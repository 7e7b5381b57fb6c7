import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../auth/actor.js';
import type { CheckInsService } from '../../check-ins/check-ins.service.js';
import type { CheckInViewDto } from '../../check-ins/dto/check-in.dto.js';
import { ProblemException } from '../../common/errors/problem.exception.js';
import { type FormError, inlineErrors, summaryList } from '../forms/form-errors.js';
import { tFor } from '../i18n.js';
import { type PageRequest, redirect, render } from '../page-request.js';
import { explainRefusal } from '../refusals.js';
import { readAnswers, scaleItems } from './check-in-forms.js';

/** Which half a page's user answers, and where its check-ins live. */
export interface CheckInSide {
  base: '/programme/check-ins' | '/supplier/check-ins' | '/council/check-ins';
  side: 'office' | 'partner';
}

/** May this user answer this check-in now? (programme admin: the office half; partner: its own) */
export const canAnswer = (actor: Actor, ci: CheckInViewDto, side: CheckInSide['side']) =>
  side === 'office'
    ? actor.role === 'programme_admin' && !ci.office.answered
    : !ci.partner.answered;

/** One check-in's page: its results, the partner's trend, the answer form when it may answer. */
export async function showCheckIn(
  service: CheckInsService,
  actor: Actor,
  id: string,
  where: CheckInSide,
  req: FastifyRequest,
  reply: FastifyReply,
  form: { values?: Record<string, string>; errors?: FormError[] } = {},
  status = 200,
) {
  const t = tFor((req as PageRequest).lang);
  const checkIn = await service.get(actor, id);
  const trend = await service.trend(actor, checkIn.organisationId);
  const answerable = canAnswer(actor, checkIn, where.side);
  const values = form.values ?? {};
  return render(
    req,
    reply,
    'check-ins/show.njk',
    {
      checkIn,
      trend: trend.points,
      base: where.base,
      side: where.side,
      answerable,
      questions: checkIn.questions.map((q) => ({
        ...q,
        items: scaleItems(q.scale, t, values[`score-${q.code}`] ?? ''),
      })),
      values,
      errorList: summaryList(form.errors ?? []),
      errors: inlineErrors(form.errors ?? []),
    },
    status,
  );
}

/** Handles a posted half: 400 with the form again, 409 if answered meanwhile, else back to results. */
export async function answerCheckIn(
  service: CheckInsService,
  actor: Actor,
  id: string,
  body: unknown,
  where: CheckInSide,
  req: FastifyRequest,
  reply: FastifyReply,
) {
  const t = tFor((req as PageRequest).lang);
  const checkIn = await service.get(actor, id);
  const { dto, values, errors } = readAnswers(body, checkIn, t);
  if (errors.length)
    return showCheckIn(service, actor, id, where, req, reply, { values, errors }, 400);
  try {
    await service.answer(actor, id, dto);
  } catch (err) {
    if (err instanceof ProblemException && err.code === 'already_answered')
      return showCheckIn(
        service,
        actor,
        id,
        where,
        req,
        reply,
        { values, errors: [{ field: 'answers', text: t('checkIns.form.alreadyAnswered') }] },
        409,
      );
    const why = explainRefusal(err, t);
    if (!why) throw err;
    return showCheckIn(
      service,
      actor,
      id,
      where,
      req,
      reply,
      { values, errors: [{ field: 'answers', text: why }] },
      400,
    );
  }
  return redirect(req, reply, `${where.base}/${id}`, { key: 'checkIns.flash.answered' });
}
