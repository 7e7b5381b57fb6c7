import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { TFunction } from 'i18next';
import { ProblemException } from '../../common/errors/problem.exception.js';
import { RiskQueryDto } from '../../risks/dto/risk-query.dto.js';
import { postedVersion, textField } from './review-forms.js';

/**
 * The register page's filters: the API's (RiskQueryDto) plus one heatmap cell (residual
 * likelihood × impact), which the heatmap's cells link to.
 */
export class RiskPageQueryDto extends RiskQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  likelihood?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  impact?: number;
}

/** The filters a GET form may carry (in form order); anything else in the query is ignored. */
export const RISK_FILTERS = [
  'kind',
  'status',
  'category',
  'rag',
  'scope',
  'serviceId',
  'ownerOrganisationId',
  'overdue',
  'likelihood',
  'impact',
  'page',
] as const;

/** A 1–5 score typed in a form as a number; anything else is left as text (fails IsInt). */
const score = (v: string): number | string | undefined =>
  v === '' ? undefined : /^[1-5]$/.test(v) ? Number(v) : v;

/** Optional text: left out when empty. */
const opt = (body: Record<string, unknown> | undefined, f: string) =>
  textField(body, f) || undefined;

/** The create form as the API's CreateRiskDto input (links only for the scope that takes them). */
export function createRiskInput(body: Record<string, unknown> | undefined) {
  const scope = textField(body, 'scope') || 'national';
  return {
    kind: textField(body, 'kind'),
    title: textField(body, 'title'),
    description: opt(body, 'description'),
    category: textField(body, 'category'),
    scope,
    ...(scope === 'service' || scope === 'supplier' ? { serviceId: opt(body, 'serviceId') } : {}),
    ...(scope === 'supplier' ? { supplierId: opt(body, 'supplierId') } : {}),
    treatment: opt(body, 'treatment'),
    likelihood: score(textField(body, 'likelihood')) ?? '',
    impact: score(textField(body, 'impact')) ?? '',
  };
}

/** The edit form as the API's UpdateRiskDto input (the scores are the residual ones). */
export function updateRiskInput(body: Record<string, unknown> | undefined) {
  return {
    version: postedVersion(textField(body, 'version')),
    title: textField(body, 'title'),
    description: textField(body, 'description'),
    category: textField(body, 'category'),
    treatment: textField(body, 'treatment'),
    escalationLevel: textField(body, 'escalationLevel'),
    likelihood: score(textField(body, 'likelihood')),
    impact: score(textField(body, 'impact')),
  };
}

/** A review: a note and, optionally, new residual scores. */
export function reviewInput(body: Record<string, unknown> | undefined) {
  return {
    version: postedVersion(textField(body, 'version')),
    note: textField(body, 'note'),
    likelihood: score(textField(body, 'likelihood')),
    impact: score(textField(body, 'impact')),
  };
}

/** A status move (reason left out when empty: the service says when one is needed). */
export function transitionInput(body: Record<string, unknown> | undefined) {
  return {
    version: postedVersion(textField(body, 'version')),
    to: textField(body, 'to'),
    reason: opt(body, 'reason'),
  };
}

/** Realising a risk: the new issue's title and what happened (both optional). */
export function realiseInput(body: Record<string, unknown> | undefined) {
  return {
    version: postedVersion(textField(body, 'version')),
    title: opt(body, 'issueTitle'),
    description: opt(body, 'issueDescription'),
  };
}

/** A new mitigation action. */
export function actionInput(body: Record<string, unknown> | undefined) {
  return { title: textField(body, 'actionTitle'), dueDate: textField(body, 'dueDate') };
}

/** A mitigation action's new status (done / in progress / cancelled), with its version. */
export function actionStatusInput(body: Record<string, unknown> | undefined) {
  return {
    status: textField(body, 'status'),
    version: postedVersion(textField(body, 'version')),
  };
}

/** The action form's fields are named apart from the risk's (`actionTitle`, not `title`). */
export const ACTION_FIELDS: Record<string, string> = { title: 'actionTitle', dueDate: 'dueDate' };
/** The realise form's fields likewise. */
export const REALISE_FIELDS: Record<string, string> = {
  title: 'issueTitle',
  description: 'issueDescription',
};

/** A register rule's refusal (409/422) in the user's words; null for anything else. */
export function riskRefusal(err: unknown, t: TFunction): string | null {
  if (!(err instanceof ProblemException)) return null;
  const status = err.getStatus();
  if (status !== 409 && status !== 422) return null;
  const own = t(`risks.refusals.${err.code}`, { defaultValue: '' });
  return own || t('refusals.other', { detail: err.message });
}
