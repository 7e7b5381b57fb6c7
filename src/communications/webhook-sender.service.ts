import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { SecretBox } from '../common/crypto/secret-box.js';
import { resolveWebhookTarget, WebhookTargetError } from '../common/net/webhook-target.js';
import { SupplierWebhookService } from '../organisations/supplier-webhook.service.js';
import type { SealedEndpoint } from './delivery-ledger.repository.js';
import type { SendOutcome } from './delivery-outcome.js';
import { postForStatus } from './http-post.js';
import { webhookSignature } from './webhook-signature.js';

type Endpoint = { url: string; secrets: string[] } | null;

/**
 * Webhooks signed per Standard Webhooks (webhook-id = delivery id, so receivers can
 * de-duplicate), with a timeout. 2xx delivered; 410 permanent and the endpoint is
 * disabled; other 4xx permanent (408 and 429 temporary); 5xx, timeouts and network
 * errors temporary. A delivery's endpoint and sealed secrets come with its claim (one
 * statement per chunk); a test event reads them afresh. Every send resolves the host again and refuses a non-public address in production (SSRF,
 * DNS rebinding), then connects to exactly the address it checked.
 */
@Injectable()
export class WebhookSender {
  private readonly box: SecretBox;

  constructor(
    private readonly config: AppConfig,
    private readonly webhooks: SupplierWebhookService,
  ) {
    this.box = new SecretBox(config.DATA_ENCRYPTION_KEY);
  }

  /** Sends a delivery to the endpoint read with its claim (null: the supplier has none). */
  send(
    deliveryId: string,
    supplierId: string,
    body: string,
    sealed: SealedEndpoint | null,
  ): Promise<SendOutcome> {
    const endpoint = sealed && {
      url: sealed.url,
      secrets: [sealed.secret, ...(sealed.previous ? [sealed.previous] : [])].map((s) =>
        this.box.open(s),
      ),
    };
    return this.post(deliveryId, supplierId, body, endpoint);
  }

  private async post(
    deliveryId: string,
    supplierId: string,
    body: string,
    endpoint: Endpoint,
  ): Promise<SendOutcome> {
    if (!endpoint) {
      return { kind: 'permanent', error: 'the supplier has no active webhook endpoint' };
    }
    let pin: { address: string | null; family: 4 | 6 };
    try {
      pin = await resolveWebhookTarget(endpoint.url, this.config.allowPrivateWebhookTargets);
    } catch (err) {
      if (err instanceof WebhookTargetError) {
        return err.transient
          ? { kind: 'temporary', error: err.message }
          : { kind: 'permanent', error: `webhook target refused: ${err.message}` };
      }
      throw err;
    }
    const timestamp = Math.floor(Date.now() / 1000);
    let status: number;
    try {
      status = await postForStatus(
        endpoint.url,
        body,
        {
          'content-type': 'application/json',
          'user-agent': 'ptrack-webhooks/1',
          'webhook-id': deliveryId,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': webhookSignature(endpoint.secrets, deliveryId, timestamp, body),
        },
        this.config.WEBHOOK_TIMEOUT_MS,
        pin.address ? { address: pin.address, family: pin.family } : undefined,
      );
    } catch (err) {
      const e = err as Error & { code?: string };
      return { kind: 'temporary', error: `${e.code ?? e.name}: ${e.message}` };
    }
    const error = `HTTP ${status} from ${endpoint.url}`;
    if (status >= 200 && status < 300) return { kind: 'delivered', status };
    if (status === 410) {
      return { kind: 'permanent', error, status, gone: { supplierId, url: endpoint.url } };
    }
    if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
      return { kind: 'permanent', error, status };
    }
    return { kind: 'temporary', error, status };
  }

  /**
   * A `webhook.test` event sent now, signed like any delivery, so a supplier can check its
   * receiver; the endpoint is read afresh (not from the cache) since it may just have changed.
   */
  async sendTest(supplierId: string): Promise<SendOutcome> {
    const id = `test_${randomUUID()}`;
    const body = JSON.stringify({
      type: 'webhook.test',
      timestamp: new Date().toISOString(),
      data: { testId: id, supplierId },
    });
    return this.post(id, supplierId, body, await this.webhooks.signingSecrets(supplierId));
  }
}
