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
}

export type DomainEventType = keyof DomainEventPayloads;

export interface DomainEventEnvelope<T extends DomainEventType = DomainEventType> {
  type: T;
  data: DomainEventPayloads[T];
  occurredAt: string;
}
