import type { Communication } from './communication.entity.js';
import type { CommunicationViewDto } from './dto/communication-view.dto.js';

export const toCommunicationView = (c: Communication): CommunicationViewDto => ({
  id: c.id,
  kind: c.kind,
  subjectTemplate: c.subjectTemplate,
  bodyTemplate: c.bodyTemplate,
  topic: c.topic,
  mandatory: c.mandatory,
  audience: c.audience,
  channels: c.channels,
  status: c.status,
  sendAt: c.sendAt,
  acknowledgeBy: c.acknowledgeBy,
  createdBy: c.createdBy,
  sentAt: c.sentAt,
  cancelledAt: c.cancelledAt,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
  version: c.version,
});
export type CommunicationView = ReturnType<typeof toCommunicationView>;

/** Delivery counts per status and acknowledgements: one SQL aggregate. */
export interface Progress {
  deliveries: number;
  created: number;
  sending: number;
  delivered: number;
  temporaryFailure: number;
  permanentFailure: number;
  technicalFailure: number;
  failed: number;
  suppliers: number;
  acknowledged: number;
}

/** The progress aggregate over a communication ($1), or one supplier's part of it ($2). */
export const progressSql = (forSupplier: boolean): string => {
  const supplier = forSupplier ? ' AND supplier_id = $2' : '';
  return `
  SELECT count(*)::int AS deliveries,
         count(*) FILTER (WHERE status = 'created')::int AS created,
         count(*) FILTER (WHERE status = 'sending')::int AS sending,
         count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
         count(*) FILTER (WHERE status = 'temporary_failure')::int AS "temporaryFailure",
         count(*) FILTER (WHERE status = 'permanent_failure')::int AS "permanentFailure",
         count(*) FILTER (WHERE status = 'technical_failure')::int AS "technicalFailure",
         count(*) FILTER (WHERE status IN ('permanent_failure', 'technical_failure'))::int AS failed,
         count(DISTINCT supplier_id)::int AS suppliers,
         (SELECT count(*)::int FROM acknowledgements
           WHERE communication_id = $1${supplier}) AS acknowledged
    FROM deliveries WHERE communication_id = $1${supplier}`;
};

/** The same counters for a list of communications ($1 uuid[]), one row per communication. */
export const progressManySql = `
  SELECT c.id,
         count(d.id)::int AS deliveries,
         count(d.id) FILTER (WHERE d.status = 'created')::int AS created,
         count(d.id) FILTER (WHERE d.status = 'sending')::int AS sending,
         count(d.id) FILTER (WHERE d.status = 'delivered')::int AS delivered,
         count(d.id) FILTER (WHERE d.status = 'temporary_failure')::int AS "temporaryFailure",
         count(d.id) FILTER (WHERE d.status = 'permanent_failure')::int AS "permanentFailure",
         count(d.id) FILTER (WHERE d.status = 'technical_failure')::int AS "technicalFailure",
         count(d.id) FILTER (WHERE d.status IN ('permanent_failure', 'technical_failure'))::int AS failed,
         count(DISTINCT d.supplier_id)::int AS suppliers,
         (SELECT count(*)::int FROM acknowledgements a WHERE a.communication_id = c.id) AS acknowledged
    FROM unnest($1::uuid[]) AS c(id)
    LEFT JOIN deliveries d ON d.communication_id = c.id
   GROUP BY c.id`;

/** Date part (YYYY-MM-DD) for templates; empty when unset. */
export const isoDate = (d: Date | string | null): string =>
  d ? new Date(d).toISOString().slice(0, 10) : '';
