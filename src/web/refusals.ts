import type { TFunction } from 'i18next';
import { ProblemException } from '../common/errors/problem.exception.js';

/**
 * A domain rule's refusal (409/422 from the services) in plain words from the catalogue,
 * filled with what the rule reported: the unfinished steps, the services not yet live,
 * the stages allowed from here. Null when the error is not a rule refusal.
 */
export function explainRefusal(err: unknown, t: TFunction): string | null {
  if (!(err instanceof ProblemException)) return null;
  const status = err.getStatus();
  if (status !== 409 && status !== 422) return null;
  const x = err.extensions as Record<string, unknown>;
  const stage = (s: unknown) => t(`stages.${String(s)}`);
  switch (err.code) {
    case 'steps_incomplete':
      return t('refusals.steps_incomplete', {
        steps: (x.steps as { title: string; stage: string }[])
          .map((s) => `“${s.title}” (${stage(s.stage)})`)
          .join(', '),
      });
    case 'dependency_not_live':
      return t('refusals.dependency_not_live', {
        services: (x.blockingServices as { code: string; name: string }[])
          .map((b) => `${b.name} (${b.code})`)
          .join(', '),
      });
    case 'illegal_transition':
      return t('refusals.illegal_transition', {
        from: stage(x.from),
        to: stage(x.to),
        allowed: (x.allowed as string[]).map(stage).join(', '),
      });
    default: {
      const known = t(`refusals.${err.code}`, { defaultValue: '' });
      return known || t('refusals.other', { detail: err.message });
    }
  }
}
