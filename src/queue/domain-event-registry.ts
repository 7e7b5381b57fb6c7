/**
 * Domain events: facts other modules react to after a commit, delivered through the
 * outbox (`tx.publish`) and handled in the worker by `@OnDomainEvent` methods. A module
 * that publishes adds its event type and payload here. Payloads are JSON.
 */
export interface DomainEventPayloads {
  /** Emitted by tests and ops to check the event path end to end. */
  'system.ping': { note: string };
  /**
   * A requirement set version was published (requirements module). `diff` lists the
   * requirement codes added, changed and removed against `previousSetId` (the version it
   * superseded; null for a first version, when every code is added).
   */
  'requirement_set.published': {
    requirementSetId: string;
    serviceId: string;
    version: number;
    previousSetId: string | null;
    effectiveDate: string;
    diff: { added: string[]; changed: string[]; removed: string[] };
  };
  /** A register entry's next review date has passed (daily, once per entry per UTC day). */
  'risk.review_overdue': RiskReviewOverdue;
  /** A mitigation action is past its due date (daily, once per action per UTC day). */
  'risk.action_overdue': RiskActionOverdue;
}

/** Where an entry sits and who owns it: what a digest needs to pick its recipients. */
export interface RiskEventTarget {
  riskId: string;
  reference: string;
  riskTitle: string;
  kind: string;
  rag: 'red' | 'amber' | 'green';
  scope: string;
  serviceId: string | null;
  supplierId: string | null;
  councilId: string | null;
  ownerUserId: string | null;
  ownerOrganisationId: string;
  /** The UTC day (YYYY-MM-DD) of the scan that emitted it: (item, day) is unique. */
  day: string;
}

export interface RiskReviewOverdue extends RiskEventTarget {
  nextReviewAt: string;
  daysOverdue: number;
}

export interface RiskActionOverdue extends RiskEventTarget {
  actionId: string;
  actionTitle: string;
  actionOwnerUserId: string | null;
  dueDate: string;
  daysOverdue: number;
}

export type DomainEventType = keyof DomainEventPayloads;

export interface DomainEventEnvelope<T extends DomainEventType = DomainEventType> {
  type: T;
  data: DomainEventPayloads[T];
  occurredAt: string;
}
