import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import {
  type ClaimedDelivery,
  DeliveryLedgerRepository,
  type RecordedOutcome,
} from './delivery-ledger.repository.js';

export type { ClaimedDelivery, RecordedOutcome } from './delivery-ledger.repository.js';

/**
 * Delivery bookkeeping of a chunk: one claim (the compare-and-set created |
 * temporary_failure → sending) and one outcome statement per chunk. A claim is a lease
 * (`lease_until`, DELIVERY_LEASE_SECONDS) renewed every third of it while this process
 * holds the delivery, so a dead worker's claims are taken over within seconds and a slow
 * but live worker's never are.
 */
@Injectable()
export class DeliveryLedger implements OnModuleDestroy {
  /** Deliveries this process holds in `sending`: their leases are renewed until recorded. */
  private readonly held = new Set<string>();
  private renewer?: NodeJS.Timeout;

  constructor(
    private readonly repository: DeliveryLedgerRepository,
    private readonly config: AppConfig,
  ) {}

  /**
   * Claims the sendable deliveries among `ids` (finished ones, and `sending` ones under a
   * live lease held by another worker, are left out). A `sending` delivery whose lease has
   * expired (its worker died) is claimed again: the outcome of that send is unknown, so
   * it is sent once more with the same Message-ID / webhook-id. Not within one lease of a
   * PostgreSQL restart, when no worker could renew: live ones get a lease to catch up.
   */
  async claim(ids: string[]): Promise<ClaimedDelivery[]> {
    const claimed = await this.repository.claim(ids, this.config.DELIVERY_LEASE_SECONDS);
    for (const d of claimed) this.held.add(d.id);
    if (claimed.length > 0) this.startRenewing();
    return claimed;
  }

  /** Records the outcomes of claimed deliveries (only those still `sending`). */
  async record(outcomes: RecordedOutcome[]): Promise<void> {
    if (outcomes.length === 0) return;
    await this.repository.record(outcomes);
    for (const o of outcomes) this.held.delete(o.id);
  }

  /**
   * Gives up the leases without recording (the caller gave up recording): they run out
   * and the deliveries are taken over (sent again, same id) instead of staying `sending`
   * for as long as this process lives.
   */
  release(ids: string[]): void {
    for (const id of ids) this.held.delete(id);
  }

  private startRenewing(): void {
    if (this.renewer) return;
    const every = (this.config.DELIVERY_LEASE_SECONDS * 1000) / 3;
    this.renewer = setInterval(() => void this.renew(), every);
    this.renewer.unref();
  }

  /** Extends the leases of every held delivery; failures wait for the next round. */
  private async renew(): Promise<void> {
    if (this.held.size === 0) return;
    await this.repository
      .renew([...this.held], this.config.DELIVERY_LEASE_SECONDS)
      .catch(() => undefined);
  }

  onModuleDestroy(): void {
    clearInterval(this.renewer);
  }
}
