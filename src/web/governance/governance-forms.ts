import type { TFunction } from 'i18next';
import { ProblemException } from '../../common/errors/problem.exception.js';
import { postedVersion, textField } from '../programme/review-forms.js';

export { postedVersion, textField };

/** A posted textarea as its non-empty lines, trimmed. */
export const lines = (body: Record<string, unknown> | undefined, f: string): string[] =>
  textField(body, f)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** A posted optional text field: left out when empty. */
export const optional = (body: Record<string, unknown> | undefined, f: string) => {
  const v = textField(body, f);
  return v === '' ? undefined : v;
};

/** Up to three options on the decision form, each a title with pros and cons one a line. */
export const OPTION_SLOTS = [1, 2, 3] as const;

/** The decision form as the API's CreateDecisionDto input. */
export function decisionInput(body: Record<string, unknown> | undefined) {
  const options = OPTION_SLOTS.map((n) => ({
    title: textField(body, `option${n}Title`),
    pros: lines(body, `option${n}Pros`),
    cons: lines(body, `option${n}Cons`),
  })).filter((o) => o.title !== '' || o.pros.length > 0 || o.cons.length > 0);
  const meeting = optional(body, 'decidedByMeetingId');
  return {
    title: textField(body, 'title'),
    context: textField(body, 'context'),
    options,
    outcome: textField(body, 'outcome'),
    rationale: textField(body, 'rationale'),
    consequences: textField(body, 'consequences'),
    ...(optional(body, 'supersedesId') ? { supersedesId: optional(body, 'supersedesId') } : {}),
    ...(meeting ? { decidedByMeetingId: meeting } : {}),
    decidedByPeople: lines(body, 'decidedByPeople'),
    publicToProgramme: textField(body, 'publicToProgramme') === 'yes',
    decidedOn: optional(body, 'decidedOn') ?? null,
    reviewDate: optional(body, 'reviewDate') ?? null,
  };
}

/** A refusal of the decision or meeting rules (409/422) in plain words; null otherwise. */
export function governanceRefusal(
  err: unknown,
  t: TFunction,
  ns: 'decisions' | 'governance' = 'decisions',
): string | null {
  if (!(err instanceof ProblemException)) return null;
  const status = err.getStatus();
  if (status !== 409 && status !== 422) return null;
  const own =
    t(`${ns}.refusals.${err.code}`, { defaultValue: '' }) ||
    t(`refusals.${err.code}`, { defaultValue: '' });
  return own || t('refusals.other', { detail: err.message });
}
