import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { resolveWebhookTarget, WebhookTargetError } from '../common/net/webhook-target.js';
import { SupplierWebhookService } from '../organisations/supplier-webhook.service.js';
import type { SendOutcome } from './delivery-outcome.js';
import { postForStatus } from './http-post.js';
import { webhookSignature } from './webhook-signature.js';

const SECRETS_TTL_MS = 5000;

type Endpoint = { url: string; secrets: string[] } | null;

/**
 * Webhooks signed per Standard Webhooks (webhook-id = delivery id, so receivers can
 * de-duplicate), with a timeout. 2xx delivered; 410 permanent and the endpoint is
 * disabled; other 4xx permanent (408 and 429 temporary); 5xx, timeouts and network
 * errors temporary. Endpoints and secrets are cached a few seconds per supplier. Every
 * send resolves the host again and refuses a non-public address in production (SSRF,
 * DNS rebinding), then connects to exactly the address it checked.
 */
@Injectable()
export class WebhookSender {
  private readonly endpoints = new Map<string, { value: Endpoint; until: number }>();

  constructor(
    private readonly config: AppConfig,
    private readonly webhooks: SupplierWebhookService,
  ) {}

  async send(deliveryId: string, supplierId: string, body: string): Promise<SendOutcome> {
    const endpoint = await this.endpoint(supplierId);
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
      this.endpoints.delete(supplierId);
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
    this.endpoints.delete(supplierId);
    const id = `test_${randomUUID()}`;
    const body = JSON.stringify({
      type: 'webhook.test',
      timestamp: new Date().toISOString(),
      data: { testId: id, supplierId },
    });
    return this.send(id, supplierId, body);
  }

  private async endpoint(supplierId: string): Promise<Endpoint> {
    const cached = this.endpoints.get(supplierId);
    if (cached && cached.until > Date.now()) return cached.value;
    const value = await this.webhooks.signingSecrets(supplierId);
    this.endpoints.set(supplierId, { value, until: Date.now() + SECRETS_TTL_MS });
    return value;
  }
}
