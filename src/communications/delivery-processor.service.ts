import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { isDatabaseUnavailable } from '../common/errors/problem-details.filter.js';
import { AppConfig } from '../config/app-config.js';
import { SupplierContactsService } from '../organisations/supplier-contacts.service.js';
import { SupplierWebhookService } from '../organisations/supplier-webhook.service.js';
import type { DeliveryStatus } from './communication-status.js';
import { DeliveryEnqueuer } from './delivery-enqueuer.service.js';
import {
  type ClaimedDelivery,
  DeliveryLedger,
  type RecordedOutcome,
} from './delivery-ledger.service.js';
import type { SendOutcome } from './delivery-outcome.js';
import { EmailSender } from './email-sender.service.js';
import { MessageRenderer } from './message-renderer.service.js';
import { WebhookSender } from './webhook-sender.service.js';
import type { CommunicationSentEventDto } from './dto/communication-sent-event.dto.js';

/**
 * Sends a chunk of deliveries, each exactly once per claim: one compare-and-set in
 * Postgres claims the sendable ones (created | temporary_failure → sending, attempts + 1)
 * and only the claimer sends; a redelivered job finds them claimed or finished and does
 * nothing. The chunk's sends run side by side (pooled SMTP connections, keep-alive HTTP);
 * then one statement records every outcome: delivered, temporary_failure (a job of its
 * own retries it after a backoff with jitter), technical_failure once attempts are spent,
 * or permanent_failure. A send that throws (rendering, the endpoint lookup) sent nothing
 * and counts as a temporary failure.
 */
const RECORD_RETRY_FIRST_MS = 100;
const RECORD_RETRY_MAX_MS = 2000;
const RECORD_RETRY_FOR_MS = 10 * 60_000;

const retryable = (err: unknown) =>
  isDatabaseUnavailable(err) ||
  ['40P01', '40001'].includes(String((err as { code?: unknown } | null)?.code));

export type ChunkResult = Record<DeliveryStatus | 'skipped', number>;

@Injectable()
export class DeliveryProcessor implements OnModuleDestroy {
  private readonly log = new Logger(DeliveryProcessor.name);

  constructor(
    private readonly ledger: DeliveryLedger,
    private readonly enqueuer: DeliveryEnqueuer,
    private readonly config: AppConfig,
    private readonly renderer: MessageRenderer,
    private readonly email: EmailSender,
    private readonly webhook: WebhookSender,
    private readonly contacts: SupplierContactsService,
    private readonly webhooks: SupplierWebhookService,
  ) {}

  async process(deliveryIds: string[]): Promise<Partial<ChunkResult>> {
    const claimed = await this.ledger.claim(deliveryIds);
    const outcomes = await Promise.all(
      claimed.map((d) =>
        this.send(d).catch((err: unknown): SendOutcome => ({
          kind: 'temporary',
          error: String(err),
        })),
      ),
    );
    const recorded = claimed.map((d, i) => this.statusOf(d, outcomes[i]));
    await this.recordAll(recorded);
    const result: Partial<ChunkResult> = { skipped: deliveryIds.length - claimed.length };
    for (const r of recorded) result[r.status] = (result[r.status] ?? 0) + 1;
    await this.enqueuer.retry(claimed.filter((_, i) => recorded[i].status === 'temporary_failure'));
    await Promise.all(
      claimed.map((d, i) =>
        this.afterPermanent(d, outcomes[i]).catch((err: unknown) =>
          this.log.warn(`delivery ${d.id}: after its permanent failure: ${String(err)}`),
        ),
      ),
    );
    return result;
  }

  private async send(d: ClaimedDelivery): Promise<SendOutcome> {
    const message = this.renderer.render(
      {
        id: d.communication_id,
        subjectTemplate: d.subject_template,
        bodyTemplate: d.body_template,
        topic: d.topic,
        acknowledgeBy: d.acknowledge_by,
        context: d.context,
      },
      {
        supplierId: d.supplier_id,
        supplierName: d.supplier_name,
        contactId: d.contact_id,
        // A webhook goes to the organisation: {{contact.name}} reads as its name.
        contactName: d.contact_name ?? d.supplier_name,
        email: d.email ?? '',
        products: d.lists?.products,
        councils: d.lists?.councils,
      },
      { html: d.channel === 'email' },
    );
    if (d.channel === 'email') return this.email.send(d.id, d.target, message);
    const body = JSON.stringify({
      type: 'communication.sent',
      timestamp: new Date().toISOString(),
      data: {
        deliveryId: d.id,
        communicationId: d.communication_id,
        topic: d.topic,
        mandatory: d.mandatory,
        acknowledgeBy: d.acknowledge_by,
        acknowledgeUrl: message.ackLink,
        supplier: { id: d.supplier_id, name: d.supplier_name },
        subject: message.subject,
        body: message.text,
      },
    } satisfies CommunicationSentEventDto);
    return this.webhook.send(d.id, d.supplier_id, body, d.endpoint);
  }

  private statusOf(d: ClaimedDelivery, outcome: SendOutcome): RecordedOutcome {
    if (outcome.kind === 'delivered') return { id: d.id, status: 'delivered', error: null };
    if (outcome.kind === 'permanent') {
      return { id: d.id, status: 'permanent_failure', error: outcome.error };
    }
    if (d.attempts >= this.config.DELIVERY_MAX_ATTEMPTS) {
      return { id: d.id, status: 'technical_failure', error: outcome.error };
    }
    this.log.debug(`delivery ${d.id} attempt ${d.attempts} failed: ${outcome.error}`);
    return { id: d.id, status: 'temporary_failure', error: outcome.error };
  }

  /** A 410 disables the endpoint; a permanent email failure flags the contact inactive. */
  private async afterPermanent(d: ClaimedDelivery, outcome: SendOutcome): Promise<void> {
    if (outcome.kind !== 'permanent') return;
    if (outcome.gone) await this.webhooks.disableGone(outcome.gone.supplierId, outcome.gone.url);
    if (d.channel === 'email' && d.contact_id) {
      await this.contacts.flagUndeliverable(d.contact_id, `email failed: ${outcome.error}`);
    }
  }

  /**
   * Once sends have happened their outcomes must be kept: recording is retried here (the
   * leases stay renewed meanwhile) until PostgreSQL answers, rather than failing the job,
   * which would leave the deliveries `sending` for the reconciler to send again.
   */
  private async recordAll(outcomes: RecordedOutcome[]): Promise<void> {
    const giveUpAt = Date.now() + RECORD_RETRY_FOR_MS;
    for (let wait = RECORD_RETRY_FIRST_MS; ; wait = Math.min(wait * 2, RECORD_RETRY_MAX_MS)) {
      try {
        await this.ledger.record(outcomes);
        return;
      } catch (err) {
        // Only an unreachable database, or a batch PostgreSQL rolled back (deadlock,
        // serialization), is worth trying again; never past shutdown.
        if (this.stopping || !retryable(err) || Date.now() > giveUpAt) {
          this.ledger.release(outcomes.map((o) => o.id));
          throw err;
        }
        this.log.warn(
          `recording ${outcomes.length} delivery outcomes failed, retrying: ${String(err)}`,
        );
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  private stopping = false;

  onModuleDestroy(): void {
    this.stopping = true;
  }
}
