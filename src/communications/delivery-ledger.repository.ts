import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { AppConfig } from '../config/app-config.js';
import type { Channel, DeliveryStatus } from './communication-status.js';
import type { CouncilItem, ProductItem } from './communication-supplier.entity.js';

/** A delivery this worker has claimed, with what rendering it needs. */
export interface ClaimedDelivery {
  id: string;
  channel: Channel;
  target: string;
  attempts: number;
  supplier_id: string;
  /** Null for a webhook (it goes to the organisation's endpoint, not to a contact). */
  contact_id: string | null;
  communication_id: string;
  subject_template: string;
  body_template: string;
  topic: string;
  mandatory: boolean;
  acknowledge_by: Date | null;
  context: Record<string, unknown>;
  supplier_name: string;
  contact_name: string | null;
  email: string | null;
  /** The supplier's template lists written by the fan-out (null for older deliveries). */
  lists: { products: ProductItem[]; councils: CouncilItem[] } | null;
  /** A webhook's active endpoint as stored (secrets sealed); null for an email or none. */
  endpoint: SealedEndpoint | null;
}

/**
 * An organisation's active webhook endpoint as stored: its URL and sealed signing secrets
 * (the previous one only while its rotation grace lasts).
 */
export interface SealedEndpoint {
  url: string;
  secret: string;
  previous: string | null;
}

/** The outcome of one send, as recorded. */
export interface RecordedOutcome {
  id: string;
  status: DeliveryStatus;
  error: string | null;
}

/**
 * The delivery statements of the send path (claims, outcomes, lease renewals), each one
 * statement for a whole chunk, rows locked in id order (any other order deadlocked a
 * renewal with an outcome). Its own pool commits asynchronously (synchronous_commit off):
 * a Postgres crash may forget the last fraction of a second of these, which only widens
 * the at-least-once window (the reconciler sends again, same webhook-id); every other
 * write stays fully durable on the main pool.
 */
@Injectable()
export class DeliveryLedgerRepository implements OnModuleDestroy {
  private pool?: pg.Pool;

  constructor(private readonly config: AppConfig) {}

  /**
   * Claims the sendable ones (created | temporary_failure, or `sending` under a lease that
   * ran out — not within one lease of a PostgreSQL restart) for `leaseSeconds`: status
   * sending, attempts + 1. Returns the claimed rows with what rendering and sending need
   * (a webhook's endpoint and secrets read here, not once per delivery).
   */
  async claim(ids: string[], leaseSeconds: number): Promise<ClaimedDelivery[]> {
    const { rows } = await this.db().query<ClaimedDelivery>(
      `UPDATE deliveries d SET status = 'sending', attempts = d.attempts + 1, updated_at = now(),
              lease_until = now() + make_interval(secs => $2)
         FROM communications c, organisations s
        WHERE d.id IN (SELECT id FROM deliveries WHERE id = ANY($1::uuid[])
                          AND (status IN ('created', 'temporary_failure')
                               OR (status = 'sending' AND lease_until < now()
                                   AND pg_postmaster_start_time()
                                       < now() - make_interval(secs => $2)))
                        ORDER BY id FOR UPDATE)
          AND (d.status IN ('created', 'temporary_failure')
               OR (d.status = 'sending' AND d.lease_until < now()))
          AND c.id = d.communication_id AND s.id = d.supplier_id
        RETURNING d.id, d.channel, d.target, d.attempts, d.supplier_id, d.contact_id,
                  d.communication_id, c.subject_template, c.body_template, c.topic, c.mandatory,
                  c.acknowledge_by, c.context, s.name AS supplier_name,
                  (SELECT ct.name FROM supplier_contacts ct WHERE ct.id = d.contact_id) AS contact_name,
                  (SELECT ct.email FROM supplier_contacts ct WHERE ct.id = d.contact_id) AS email,
                  (SELECT jsonb_build_object('products', cs.products, 'councils', cs.councils)
                     FROM communication_suppliers cs
                    WHERE cs.communication_id = d.communication_id
                      AND cs.supplier_id = d.supplier_id) AS lists,
                  (SELECT jsonb_build_object('url', w.url, 'secret', w.secret_encrypted,
                                             'previous', CASE WHEN w.previous_secret_expires_at > now()
                                                              THEN w.previous_secret_encrypted END)
                     FROM supplier_webhooks w
                    WHERE d.channel = 'webhook' AND w.supplier_id = d.supplier_id
                      AND w.active) AS endpoint`,
      [[...new Set(ids)], leaseSeconds],
    );
    return rows;
  }

  /** Records outcomes of deliveries still `sending` (the lease ends). */
  async record(outcomes: RecordedOutcome[]): Promise<void> {
    await this.db().query(
      `UPDATE deliveries d SET status = o.status, last_error = o.error, updated_at = now(),
              lease_until = NULL,
              delivered_at = CASE WHEN o.status = 'delivered' THEN now() ELSE d.delivered_at END
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS o(id, status, error)
        WHERE d.id = o.id AND d.id IN (SELECT id FROM deliveries WHERE id = ANY($1::uuid[])
                                          AND status = 'sending' ORDER BY id FOR UPDATE)`,
      [outcomes.map((o) => o.id), outcomes.map((o) => o.status), outcomes.map((o) => o.error)],
    );
  }

  /** Extends the leases of those still `sending`. */
  async renew(ids: string[], leaseSeconds: number): Promise<void> {
    await this.db().query(
      `UPDATE deliveries SET lease_until = now() + make_interval(secs => $2)
        WHERE id IN (SELECT id FROM deliveries WHERE id = ANY($1::uuid[])
                        AND status = 'sending' ORDER BY id FOR UPDATE)`,
      [ids, leaseSeconds],
    );
  }

  private db(): pg.Pool {
    if (this.pool) return this.pool;
    this.pool = new pg.Pool({
      connectionString: this.config.DATABASE_URL,
      max: this.config.DATABASE_POOL_SIZE,
      options: '-c synchronous_commit=off',
      application_name: 'ptrack-deliveries',
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30000,
    });
    this.pool.on('error', () => undefined);
    return this.pool;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.end();
  }
}
