export const RISK_KINDS = ['risk', 'issue', 'barrier'] as const;
export type RiskKind = (typeof RISK_KINDS)[number];

export const RISK_CATEGORIES = [
  'delivery',
  'technical',
  'commercial',
  'data_protection',
  'security',
  'capacity',
  'funding',
  'governance',
  'interoperability',
  'adoption',
  'other',
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

export const RISK_SCOPES = ['national', 'service', 'supplier', 'council'] as const;
export type RiskScope = (typeof RISK_SCOPES)[number];

export const RISK_TREATMENTS = ['reduce', 'accept', 'avoid', 'transfer'] as const;
export type RiskTreatment = (typeof RISK_TREATMENTS)[number];

export const ESCALATION_LEVELS = ['local', 'national'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export const RISK_STATUSES = [
  'identified',
  'assessed',
  'mitigating',
  'monitoring',
  'closed',
  'realised',
] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/**
 * The register's lifecycle: the only moves `POST /risks/{id}/transitions` allows.
 * Closing needs a reason; reopening (closed → assessed) needs one too, because the
 * entry must be re-assessed. `realised` is reached only through `POST /risks/{id}/realise`
 * and is final: the linked issue carries on.
 */
export const RISK_TRANSITIONS: Record<RiskStatus, RiskStatus[]> = {
  identified: ['assessed', 'closed'],
  assessed: ['mitigating', 'monitoring', 'closed'],
  mitigating: ['monitoring', 'closed'],
  monitoring: ['mitigating', 'closed'],
  closed: ['assessed'],
  realised: [],
};

/** Statuses an entry may be realised from (kind `risk` only). */
export const REALISABLE_FROM: RiskStatus[] = ['identified', 'assessed', 'mitigating', 'monitoring'];

/** Realising (its own operation: the risk becomes an issue) as a transition map. */
export const REALISE_TRANSITIONS = Object.fromEntries(
  Object.keys(RISK_TRANSITIONS).map((s) => [
    s,
    REALISABLE_FROM.includes(s as RiskStatus) ? ['realised'] : [],
  ]),
) as Record<RiskStatus, RiskStatus[]>;

/** Statuses that take part in reviews, heatmaps and overdue lists. */
export const OPEN_STATUSES: RiskStatus[] = ['identified', 'assessed', 'mitigating', 'monitoring'];

export const needsReason = (from: RiskStatus, to: RiskStatus): boolean =>
  to === 'closed' || from === 'closed';

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Mitigation actions still to do (the ones that can be overdue). */
export const PENDING_ACTION_STATUSES: ActionStatus[] = ['open', 'in_progress'];

export const RAGS = ['red', 'amber', 'green'] as const;
export type Rag = (typeof RAGS)[number];
