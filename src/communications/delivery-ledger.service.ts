import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { AppConfig } from '../config/app-config.js';
import type { Channel, DeliveryStatus } from './communication-status.js';
import type { CouncilItem, ProductItem } from './communication-supplier.entity.js';
import { MicroBatch } from './micro-batch.js';

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
}

interface Outcome {
  id: string;
  status: DeliveryStatus;
  error: string | null;
}

/**
 * Delivery bookkeeping, the hottest statements of a fan-out: claims (the compare-and-set
 * created | temporary_failure → sending) and outcomes. Calls made within a few
 * milliseconds share one statement (rows locked in id order), each caller getting its own
 * answer; a delivery id claimed twice in one batch is claimed once. Its own pool commits
 * asynchronously (synchronous_commit off): a Postgres crash may forget the last fraction
 * of a second of these, which only widens the at-least-once window (the reconciler sends
 * again, same webhook-id); every other write stays fully durable on the main pool.
 * A claim is a lease (`lease_until`, DELIVERY_LEASE_SECONDS) renewed every third of it
 * while this process holds the delivery, so a dead worker's claims are taken over within
 * seconds and a slow but live worker's never are.
 */
@Injectable()
export class DeliveryLedger implements OnModuleDestroy {
  private pool?: pg.Pool;
  private readonly claims = new MicroBatch<string, ClaimedDelivery | null>((ids) =>
    this.claimAll(ids),
  );
  private readonly outcomes = new MicroBatch<Outcome, void>((rows) => this.recordAll(rows));
  /** Deliveries this process holds in `sending`: their leases are renewed until recorded. */
  private readonly held = new Set<string>();
  private renewer?: NodeJS.Timeout;

  constructor(private readonly config: AppConfig) {}

  /**
   * Claims a delivery for sending; null when it is not sendable (finished, or `sending`
   * under a live lease held by another worker). A `sending` delivery whose lease has
   * expired (its worker died) is claimed again: the outcome of that send is unknown, so
   * it is sent once more with the same Message-ID / webhook-id. Not within one lease of a
   * PostgreSQL restart, when no worker could renew: live ones get a lease to catch up.
   */
  async claim(id: string): Promise<ClaimedDelivery | null> {
    const claimed = await this.claims.add(id);
    if (claimed) this.hold(id);
    return claimed;
  }

  /** Records the outcome of a claimed delivery (only while it is still `sending`). */
  async record(id: string, status: DeliveryStatus, error: string | null): Promise<void> {
    await this.outcomes.add({ id, status, error });
    this.held.delete(id);
  }

  /**
   * Gives up the lease without recording (the caller failed before sending, or gave up
   * recording): it runs out and the delivery is taken over (sent again, same id) instead
   * of staying `sending` for as long as this process lives.
   */
  release(id: string): void {
    this.held.delete(id);
  }

  private hold(id: string): void {
    this.held.add(id);
    if (this.renewer) return;
    const every = (this.config.DELIVERY_LEASE_SECONDS * 1000) / 3;
    this.renewer = setInterval(() => void this.renew(), every);
    this.renewer.unref();
  }

  /** Extends the leases of every held delivery; failures wait for the next round. */
  private async renew(): Promise<void> {
    if (this.held.size === 0) return;
    await this.db()
      .query(
        // Rows locked in id order, as claims and outcomes lock them: renewing in any other
        // order deadlocked with an outcome batch (PostgreSQL then aborted the outcome).
        `UPDATE deliveries SET lease_until = now() + make_interval(secs => $2)
          WHERE id IN (SELECT id FROM deliveries WHERE id = ANY($1::uuid[])
                          AND status = 'sending' ORDER BY id FOR UPDATE)`,
        [[...this.held], this.config.DELIVERY_LEASE_SECONDS],
      )
      .catch(() => undefined);
  }

  private async claimAll(ids: string[]): Promise<(ClaimedDelivery | null)[]> {
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
                      AND cs.supplier_id = d.supplier_id) AS lists`,
      [[...new Set(ids)], this.config.DELIVERY_LEASE_SECONDS],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => {
      const row = byId.get(id) ?? null;
      byId.delete(id);
      return row;
    });
  }

  private async recordAll(outcomes: Outcome[]): Promise<void[]> {
    await this.db().query(
      `UPDATE deliveries d SET status = o.status, last_error = o.error, updated_at = now(),
              lease_until = NULL,
              delivered_at = CASE WHEN o.status = 'delivered' THEN now() ELSE d.delivered_at END
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS o(id, status, error)
        WHERE d.id = o.id AND d.id IN (SELECT id FROM deliveries WHERE id = ANY($1::uuid[])
                                          AND status = 'sending' ORDER BY id FOR UPDATE)`,
      [outcomes.map((o) => o.id), outcomes.map((o) => o.status), outcomes.map((o) => o.error)],
    );
    return outcomes.map(() => undefined);
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
    clearInterval(this.renewer);
    await this.pool?.end();
  }
}
