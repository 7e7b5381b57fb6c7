import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { isDatabaseUnavailable } from '../common/errors/problem-details.filter.js';
import { UnrecoverableError } from 'bullmq';
import { AppConfig } from '../config/app-config.js';
import { SupplierContactsService } from '../organisations/supplier-contacts.service.js';
import { SupplierWebhookService } from '../organisations/supplier-webhook.service.js';
import type { DeliveryStatus } from './communication-status.js';
import { type ClaimedDelivery, DeliveryLedger } from './delivery-ledger.service.js';
import type { SendOutcome } from './delivery-outcome.js';
import { EmailSender } from './email-sender.service.js';
import { MessageRenderer } from './message-renderer.service.js';
import { WebhookSender } from './webhook-sender.service.js';
import type { CommunicationSentEventDto } from './dto/communication-sent-event.dto.js';

/**
 * Sends one delivery, exactly once per claim: a compare-and-set in Postgres
 * (created | temporary_failure → sending, attempts + 1) claims it, and only the claimer
 * sends; a redelivered job finds it claimed or finished and does nothing. Then the
 * outcome: delivered, temporary_failure (thrown, so BullMQ retries with backoff),
 * technical_failure once attempts are spent, or permanent_failure (UnrecoverableError).
 */
const RECORD_RETRY_FIRST_MS = 100;
const RECORD_RETRY_MAX_MS = 2000;
const RECORD_RETRY_FOR_MS = 10 * 60_000;

const retryable = (err: unknown) =>
  isDatabaseUnavailable(err) ||
  ['40P01', '40001'].includes(String((err as { code?: unknown } | null)?.code));

@Injectable()
export class DeliveryProcessor implements OnModuleDestroy {
  private readonly log = new Logger(DeliveryProcessor.name);

  constructor(
    private readonly ledger: DeliveryLedger,
    private readonly config: AppConfig,
    private readonly renderer: MessageRenderer,
    private readonly email: EmailSender,
    private readonly webhook: WebhookSender,
    private readonly contacts: SupplierContactsService,
    private readonly webhooks: SupplierWebhookService,
  ) {}

  async process(deliveryId: string): Promise<{ status: DeliveryStatus } | { skipped: true }> {
    const d = await this.ledger.claim(deliveryId);
    if (!d) return { skipped: true };
    let outcome: SendOutcome;
    try {
      outcome = await this.send(d);
    } catch (err) {
      // Nothing was sent (rendering failed): no outcome to keep, the job retries.
      this.ledger.release(d.id);
      throw err;
    }
    return { status: await this.record(d, outcome) };
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
    return this.webhook.send(d.id, d.supplier_id, body);
  }

  private async record(d: ClaimedDelivery, outcome: SendOutcome): Promise<DeliveryStatus> {
    if (outcome.kind === 'delivered') {
      await this.setStatus(d.id, 'delivered', null);
      return 'delivered';
    }
    if (outcome.kind === 'permanent') {
      await this.setStatus(d.id, 'permanent_failure', outcome.error);
      if (outcome.gone) await this.webhooks.disableGone(outcome.gone.supplierId, outcome.gone.url);
      if (d.channel === 'email' && d.contact_id) {
        await this.contacts.flagUndeliverable(d.contact_id, `email failed: ${outcome.error}`);
      }
      throw new UnrecoverableError(outcome.error);
    }
    if (d.attempts >= this.config.DELIVERY_MAX_ATTEMPTS) {
      await this.setStatus(d.id, 'technical_failure', outcome.error);
      throw new UnrecoverableError(`attempts exhausted: ${outcome.error}`);
    }
    await this.setStatus(d.id, 'temporary_failure', outcome.error);
    this.log.debug(`delivery ${d.id} attempt ${d.attempts} failed: ${outcome.error}`);
    throw new Error(outcome.error);
  }

  /**
   * Once a send has happened its outcome must be kept: recording is retried here (the
   * lease stays renewed meanwhile) until PostgreSQL answers, rather than failing the job,
   * which would leave the delivery `sending` for the reconciler to send again.
   */
  private async setStatus(id: string, status: DeliveryStatus, error: string | null) {
    const giveUpAt = Date.now() + RECORD_RETRY_FOR_MS;
    for (let wait = RECORD_RETRY_FIRST_MS; ; wait = Math.min(wait * 2, RECORD_RETRY_MAX_MS)) {
      try {
        await this.ledger.record(id, status, error);
        return;
      } catch (err) {
        // Only an unreachable database, or a batch PostgreSQL rolled back (deadlock,
        // serialization), is worth trying again; never past shutdown.
        if (this.stopping || !retryable(err) || Date.now() > giveUpAt) {
          this.ledger.release(id);
          throw err;
        }
        this.log.warn(`delivery ${id}: recording ${status} failed, retrying: ${String(err)}`);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  private stopping = false;

  onModuleDestroy(): void {
    this.stopping = true;
  }
}
