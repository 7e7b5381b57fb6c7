import type { TFunction } from 'i18next';
import type { AnswerCheckInDto, CheckInViewDto } from '../../check-ins/dto/check-in.dto.js';
import { SCALE_MAX } from '../../check-ins/check-in-question-set.entity.js';
import type { FormError } from '../forms/form-errors.js';

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/**
 * One side's answers from the form: a radio `score-<code>` and a textarea `comment-<code>`
 * per question. Anything that is not a string counts as missing (no 500 on odd bodies).
 */
export function readAnswers(
  body: unknown,
  checkIn: CheckInViewDto,
  t: TFunction,
): { dto: AnswerCheckInDto; values: Record<string, string>; errors: FormError[] } {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  const errors: FormError[] = [];
  const answers = checkIn.questions.map((q) => {
    const raw = str(b[`score-${q.code}`]);
    const comment = str(b[`comment-${q.code}`]).slice(0, 2000);
    values[`score-${q.code}`] = raw;
    values[`comment-${q.code}`] = comment;
    const score = /^[1-5]$/.test(raw) ? Number(raw) : NaN;
    if (!(score >= 1 && score <= SCALE_MAX[q.scale]))
      errors.push({
        field: `score-${q.code}`,
        text: t('checkIns.form.chooseScore', { question: q.text }),
      });
    return { code: q.code, score, comment };
  });
  return { dto: { answers }, values, errors };
}

/** Radio items of a question's scale (RAG: red, amber, green; 1–5 with words at the ends). */
export function scaleItems(scale: 'rag' | '1-5', t: TFunction, checked: string) {
  const values = scale === 'rag' ? [1, 2, 3] : [1, 2, 3, 4, 5];
  return values.map((v) => ({
    value: String(v),
    text: t(`checkIns.scale.${scale === 'rag' ? 'rag' : 'five'}.${v}`),
    checked: checked === String(v),
  }));
}
