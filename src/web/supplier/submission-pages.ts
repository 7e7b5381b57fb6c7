import type { TFunction } from 'i18next';
import { ProblemException } from '../../common/errors/problem.exception.js';
import type { SubmissionItemViewDto } from '../../conformance/dto/submission-item-view.dto.js';
import { describePointer } from '../forms/json-pointer.js';

/** How far one category of a submission is: the task list's status for it. */
export type CategoryStatus = 'completed' | 'confirm' | 'in_progress' | 'not_started';

export interface CategoryGroup {
  /** 1-based, in requirement order: the category page's address. */
  n: number;
  name: string;
  items: SubmissionItemViewDto[];
  status: CategoryStatus;
}

function statusOf(items: SubmissionItemViewDto[]): CategoryStatus {
  if (items.some((i) => i.copiedForward)) return 'confirm';
  const answered = items.filter((i) => i.selfAssessment !== null).length;
  if (answered === items.length) return 'completed';
  return answered === 0 ? 'not_started' : 'in_progress';
}

/**
 * The submission's items grouped by requirement category, in the order the categories
 * first appear in the set (items arrive ordered by position). An item answered from the
 * last approved submission and not yet saved again makes its category "to confirm".
 */
export function categoriesOf(items: SubmissionItemViewDto[]): CategoryGroup[] {
  const groups = new Map<string, SubmissionItemViewDto[]>();
  for (const item of items) {
    const list = groups.get(item.category) ?? [];
    list.push(item);
    groups.set(item.category, list);
  }
  return [...groups.entries()].map(([name, list], i) => ({
    n: i + 1,
    name,
    items: list,
    status: statusOf(list),
  }));
}

/**
 * A JSON pointer in plain words with the pointer itself kept, so a developer can find the
 * place in their payload: "“dateOfBirth” in item 1 of “children” (JSON pointer
 * /children/0/dateOfBirth)"; the empty pointer is the whole payload.
 */
export function pointerInWords(pointer: string, t: TFunction): string {
  if (pointer === '') return t('submissions.samples.wholePayload');
  return t('submissions.samples.at', { words: describePointer(pointer, t), pointer });
}

/** A domain refusal (409/422) in plain words from the submissions catalogue; null otherwise. */
export function submissionRefusal(err: unknown, t: TFunction): string | null {
  if (!(err instanceof ProblemException)) return null;
  const status = err.getStatus();
  if (status !== 409 && status !== 422) return null;
  const own = t(`submissions.refusals.${err.code}`, { defaultValue: '' });
  return own || t('refusals.other', { detail: err.message });
}

/** A version posted back in a hidden field: a positive integer, else 0 (stale on purpose). */
export const postedVersion = (v: unknown) =>
  typeof v === 'string' && /^[1-9]\d{0,8}$/.test(v) ? Number(v) : 0;

/** A posted field as a trimmed string ('' when absent or not a single string). */
export const textField = (body: Record<string, unknown> | undefined, f: string) => {
  const v = body?.[f];
  return typeof v === 'string' ? v.trim() : '';
};

/** The task list's status for "Add sample payloads". */
export function samplesStatus(
  standards: { id: string; hasSchema: boolean }[],
  samples: { standardId: string; checkStatus: string }[],
): 'not_needed' | 'failed' | 'completed' | 'in_progress' | 'not_started' {
  if (standards.length === 0) return 'not_needed';
  if (samples.some((s) => s.checkStatus === 'failed')) return 'failed';
  const sampled = new Set(samples.map((s) => s.standardId));
  if (standards.filter((s) => s.hasSchema).every((s) => sampled.has(s.id)) && samples.length > 0)
    return 'completed';
  return samples.length > 0 ? 'in_progress' : 'not_started';
}
