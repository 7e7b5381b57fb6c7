/**
 * The queue contract: every queue, every job name and its payload type, in one place.
 * Names are public (they live in Redis across deploys): add new ones, never rename.
 * The worker refuses to start when a job here has no handler.
 */
import type { AppConfig } from '../config/app-config.js';
import type { DomainEventEnvelope } from './domain-event-registry.js';

export enum QueueName {
  Events = 'events',
  Deliveries = 'deliveries',
  Maintenance = 'maintenance',
  EmailDeliveries = 'email-deliveries',
  WebhookDeliveries = 'webhook-deliveries',
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
  /** Hourly: sends each governance meeting's agenda and papers to members' contacts, once. */
  AgendaPapers = 'governance.agenda-papers',
  /** Hourly: reminds each overdue check-in's partner contacts to answer their half, once. */
  CheckInReminders = 'check-ins.reminders',
  /** Creates a communication's deliveries (the outbox) and enqueues them. */
  CommunicationFanOut = 'communication.fan-out',
  /** Sends a chunk of email deliveries (a retry: one, jobId = `<delivery id>.<attempts>`). */
  EmailDelivery = 'delivery.email',
  /** Sends a chunk of webhook deliveries (a retry: one, jobId = `<delivery id>.<attempts>`). */
  WebhookDelivery = 'delivery.webhook',
  /** Re-enqueues deliveries stuck in a non-terminal status. */
  ReconcileDeliveries = 'delivery.reconcile',
  /** Creates the weekly digest communication of each supplier with outstanding items. */
  SupplierDigest = 'communication.digest',
  /** Daily: expires certificates and announces 30- and 7-day expiry reminders. */
  CertificateScan = 'conformance.certificate-scan',
  /** Daily: readiness snapshots of coming critical dates and lead-time notices. */
  ReadinessScan = 'readiness.scan',
}

export interface JobPayloads {
  [JobName.ReconcileOutbox]: Record<string, never>;
  [JobName.SystemProbe]: { delayMs: number; note?: string };
  [JobName.DomainEvent]: DomainEventEnvelope;
  [JobName.RiskOverdueScan]: Record<string, never>;
  [JobName.AgendaPapers]: Record<string, never>;
  [JobName.CheckInReminders]: Record<string, never>;
  [JobName.CommunicationFanOut]: { communicationId: string };
  [JobName.EmailDelivery]: DeliveryJob;
  [JobName.WebhookDelivery]: DeliveryJob;
  [JobName.ReconcileDeliveries]: Record<string, never>;
  [JobName.SupplierDigest]: Record<string, never>;
  [JobName.CertificateScan]: Record<string, never>;
  [JobName.ReadinessScan]: Record<string, never>;
}

/** A delivery job's payload; `deliveryId` alone is a job enqueued before chunks (one delivery). */
export type DeliveryJob = { deliveryIds: string[] } | { deliveryId: string };

/** The delivery ids a delivery job carries, whichever shape it was enqueued in. */
export const deliveryIdsOf = (job: DeliveryJob): string[] =>
  'deliveryIds' in job ? job.deliveryIds : [job.deliveryId];

export interface JobDefinition {
  queue: QueueName;
  /**
   * outbox: carries a row in outbox_messages (jobId = row id); scheduled: run by a job
   * scheduler; tracked: its handler keeps its own rows in step (deliveries).
   */
  kind: 'outbox' | 'scheduled' | 'tracked';
  /** Scheduled jobs: run every N ms. */
  every?: number;
  /** Scheduled jobs whose timing comes from config: every N ms or a cron pattern. */
  repeat?: (config: AppConfig) => { every: number } | { pattern: string };
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
  [JobName.AgendaPapers]: {
    queue: QueueName.Maintenance,
    kind: 'scheduled',
    every: 3_600_000,
    attempts: 1,
  },
  [JobName.CheckInReminders]: {
    queue: QueueName.Maintenance,
    kind: 'scheduled',
    every: 3_600_000,
    attempts: 1,
  },
  [JobName.CommunicationFanOut]: { queue: QueueName.Deliveries, kind: 'outbox', attempts: 8 },
  [JobName.EmailDelivery]: { queue: QueueName.EmailDeliveries, kind: 'tracked', attempts: 8 },
  [JobName.WebhookDelivery]: {
    queue: QueueName.WebhookDeliveries,
    kind: 'tracked',
    attempts: 8,
  },
  [JobName.ReconcileDeliveries]: {
    queue: QueueName.Maintenance,
    kind: 'scheduled',
    repeat: (c) => ({ every: c.DELIVERY_RECONCILE_MS }),
    attempts: 1,
  },
  [JobName.SupplierDigest]: {
    queue: QueueName.Maintenance,
    kind: 'scheduled',
    repeat: (c) => ({ pattern: c.DIGEST_CRON }),
    attempts: 3,
  },
  [JobName.CertificateScan]: {
    queue: QueueName.Maintenance,
    kind: 'scheduled',
    every: 86_400_000,
    attempts: 1,
  },
  [JobName.ReadinessScan]: {
    queue: QueueName.Maintenance,
    kind: 'scheduled',
    repeat: (c) => ({ pattern: c.READINESS_SCAN_CRON }),
    attempts: 3,
  },
} as const satisfies Record<JobName, JobDefinition>;

export const JOBS: Record<JobName, JobDefinition> = DEFINITIONS;

/** Jobs that go through the outbox (`Tx.emit` accepts only these). */
export type OutboxJobName = {
  [K in JobName]: (typeof DEFINITIONS)[K]['kind'] extends 'outbox' ? K : never;
}[JobName];

/** The custom backoff type delivery jobs use (see WorkerHost: exponential with jitter). */
export const JITTER_BACKOFF = 'exponential-jitter';
