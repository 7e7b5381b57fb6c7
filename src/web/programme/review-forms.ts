import type { TFunction } from 'i18next';
import { ProblemException } from '../../common/errors/problem.exception.js';

/** A posted text field, trimmed; '' when absent or not text. */
export const textField = (body: Record<string, unknown> | undefined, f: string): string =>
  typeof body?.[f] === 'string' ? body[f].trim() : '';

/** A version posted back in a hidden field: a positive integer, else 0 (stale on purpose). */
export const postedVersion = (v: string): number => (/^[1-9]\d{0,8}$/.test(v) ? Number(v) : 0);

/**
 * The verdicts form as the API's VerdictsDto input: one `verdict-<code>` select and
 * `comment-<code>` box per requirement, `sample-<id>`/`sampleComment-<id>` per sample.
 * Items left without a verdict are not sent (their recorded verdict is kept).
 */
export function verdictsInput(
  body: Record<string, unknown> | undefined,
  codes: string[],
  sampleIds: string[],
) {
  const items = codes
    .filter((code) => textField(body, `verdict-${code}`) !== '')
    .map((code) => ({
      code,
      verdict: textField(body, `verdict-${code}`),
      comment: textField(body, `comment-${code}`) || undefined,
    }));
  const samples = sampleIds
    .filter((id) => textField(body, `sample-${id}`) !== '')
    .map((id) => ({
      id,
      verdict: textField(body, `sample-${id}`),
      comment: textField(body, `sampleComment-${id}`) || undefined,
    }));
  return { version: postedVersion(textField(body, 'version')), items, samples };
}

/** The decision form as the API's DecisionDto input (an empty override is left out). */
export function decisionInput(body: Record<string, unknown> | undefined) {
  const overrideReason = textField(body, 'overrideReason');
  return {
    version: postedVersion(textField(body, 'version')),
    result: textField(body, 'result'),
    reason: textField(body, 'reason'),
    ...(overrideReason ? { overrideReason } : {}),
  };
}

/** A review rule's refusal (409/422) in the reviewer's words; null for anything else. */
export function reviewRefusal(err: unknown, t: TFunction): string | null {
  if (!(err instanceof ProblemException)) return null;
  const status = err.getStatus();
  if (status !== 409 && status !== 422) return null;
  const own = t(`reviews.refusals.${err.code}`, { defaultValue: '' });
  return own || t('refusals.other', { detail: err.message });
}
