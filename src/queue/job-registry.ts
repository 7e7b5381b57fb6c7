/**
 * The queue contract: every queue, every job name and its payload type, in one place.
 * Names are public (they live in Redis across deploys): add new ones, never rename.
 * The worker refuses to start when a job here has no handler.
 */
import type { DomainEventEnvelope } from './domain-event-registry.js';

export enum QueueName {
  Events = 'events',
  Deliveries = 'deliveries',
  Maintenance = 'maintenance',
}

export enum JobName {
  /** Re-enqueues outbox rows that never reached Redis or were lost from it. */
  ReconcileOutbox = 'outbox.reconcile',
  /** Round-trip probe through the outbox and the worker (ops checks and shutdown tests). */
  SystemProbe = 'system.probe',
  /** A domain event (see domain-event-registry.ts) for the `@OnDomainEvent` subscribers. */
  DomainEvent = 'domain.event',
  /** Daily: announces overdue risk reviews and mitigation actions as domain events. */
  RiskOverdueScan = 'risks.overdue-scan',
}

export interface JobPayloads {
  [JobName.ReconcileOutbox]: Record<string, never>;
  [JobName.SystemProbe]: { delayMs: number; note?: string };
  [JobName.DomainEvent]: DomainEventEnvelope;
  [JobName.RiskOverdueScan]: Record<string, never>;
}

export interface JobDefinition {
  queue: QueueName;
  /** Outbox jobs carry a row in outbox_messages (jobId = row id); scheduled jobs do not. */
  kind: 'outbox' | 'scheduled';
  /** Scheduled jobs: run every N ms, or on a cron pattern taken from config. */
  every?: number;
  attempts: number;
}

/** The definitions with their literal types kept (OutboxJobName reads `kind` from here). */
const DEFINITIONS = {
  [JobName.ReconcileOutbox]: {
    queue: QueueName.Maintenance,
    kind: 'scheduled',
    every: 30_000,
    attempts: 1,
  },
  [JobName.SystemProbe]: { queue: QueueName.Maintenance, kind: 'outbox', attempts: 5 },
  [JobName.DomainEvent]: { queue: QueueName.Events, kind: 'outbox', attempts: 8 },
  [JobName.RiskOverdueScan]: {
    queue: QueueName.Maintenance,
    kind: 'scheduled',
    every: 86_400_000,
    attempts: 1,
  },
} as const satisfies Record<JobName, JobDefinition>;

export const JOBS: Record<JobName, JobDefinition> = DEFINITIONS;

/** Jobs that go through the outbox (`Tx.emit` accepts only these). */
export type OutboxJobName = {
  [K in JobName]: (typeof DEFINITIONS)[K]['kind'] extends 'outbox' ? K : never;
}[JobName];
