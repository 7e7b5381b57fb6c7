import { Injectable } from '@nestjs/common';
import { type Actor, SYSTEM_ACTOR } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { AppConfig } from '../config/app-config.js';
import { randomSecret, SecretBox } from '../common/crypto/secret-box.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { resolveWebhookTarget, WebhookTargetError } from '../common/net/webhook-target.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { PutSupplierWebhookDto } from './dto/supplier-webhook.dto.js';
import { OrganisationsRepository } from './organisations.repository.js';
import { requireVisibleSupplier } from './supplier-scope.js';
import type { SupplierWebhook } from './supplier-webhook.entity.js';
import { SupplierWebhooksRepository } from './supplier-webhooks.repository.js';
import type { SupplierWebhookViewDto } from './dto/supplier-webhook-view.dto.js';

const view = (w: SupplierWebhook): SupplierWebhookViewDto => ({
  supplierId: w.supplierId,
  url: w.url,
  active: w.active,
  previousSecretValidUntil:
    w.previousSecretExpiresAt && w.previousSecretExpiresAt > new Date()
      ? w.previousSecretExpiresAt
      : null,
  createdAt: w.createdAt,
  updatedAt: w.updatedAt,
});
type WebhookView = ReturnType<typeof view>;

/** Standard Webhooks secret format: `whsec_` + base64 of the key bytes. */
const newSigningSecret = () =>
  `whsec_${Buffer.from(randomSecret(32), 'base64url').toString('base64')}`;

/**
 * A supplier's signed webhook endpoint. Secrets are encrypted at rest and shown only
 * when created or rotated; after a rotation the old secret still signs for the grace period.
 */
@Injectable()
export class SupplierWebhookService {
  private readonly box: SecretBox;

  constructor(
    private readonly webhooks: SupplierWebhooksRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {
    this.box = new SecretBox(config.DATA_ENCRYPTION_KEY);
  }

  async get(actor: Actor, supplierId: string): Promise<WebhookView> {
    await requireVisibleSupplier(this.organisations, actor, supplierId);
    const hook = await this.webhooks.findOneBy({ supplierId });
    if (!hook) throw ProblemException.notFound('Webhook for supplier', supplierId);
    return view(hook);
  }

  /**
   * 422 unless the URL may be a webhook target: https resolving to public addresses only
   * (WEBHOOK_ALLOW_PRIVATE_TARGETS lifts this for local use). Checked again at every send.
   */
  private async assertAllowedTarget(url: string): Promise<void> {
    try {
      await resolveWebhookTarget(url, this.config.allowPrivateWebhookTargets);
    } catch (err) {
      if (!(err instanceof WebhookTargetError)) throw err;
      throw ProblemException.unprocessable('webhook_target_not_allowed', err.message, {
        field: 'url',
      });
    }
  }

  /** Creates (returning the new secret once) or changes the URL / active flag. */
  async put(
    actor: Actor,
    supplierId: string,
    dto: PutSupplierWebhookDto,
  ): Promise<WebhookView & { secret?: string }> {
    await requireVisibleSupplier(this.organisations, actor, supplierId);
    await this.assertAllowedTarget(dto.url);
    return this.uow.run(async (tx) => {
      const existing = await this.webhooks.lockForChange(tx.manager, supplierId);
      const secret = existing ? undefined : newSigningSecret();
      const before = existing ? view(existing) : null;
      const hook = existing ?? this.webhooks.build(tx.manager, supplierId);
      Object.assign(hook, { url: dto.url, active: dto.active ?? hook.active ?? true });
      if (secret) hook.secretEncrypted = this.box.seal(secret);
      const saved = await this.webhooks.store(tx.manager, hook);
      await this.audit.record(tx.manager, actor, {
        action: existing ? 'supplier_webhook.updated' : 'supplier_webhook.created',
        entityType: 'supplier_webhook',
        entityId: supplierId,
        before,
        after: { ...view(saved), ...(secret && { secret: 'new' }) },
      });
      return { ...view(saved), ...(secret && { secret }) };
    });
  }

  /** New secret shown once; the previous one stays valid for WEBHOOK_SECRET_GRACE_HOURS. */
  async rotate(actor: Actor, supplierId: string): Promise<WebhookView & { secret: string }> {
    await requireVisibleSupplier(this.organisations, actor, supplierId);
    return this.uow.run(async (tx) => {
      const hook = await this.webhooks.lockForChange(tx.manager, supplierId);
      if (!hook) throw ProblemException.notFound('Webhook for supplier', supplierId);
      const before = view(hook);
      const secret = newSigningSecret();
      hook.previousSecretEncrypted = hook.secretEncrypted;
      hook.previousSecretExpiresAt = new Date(
        Date.now() + this.config.WEBHOOK_SECRET_GRACE_HOURS * 3600_000,
      );
      hook.secretEncrypted = this.box.seal(secret);
      const saved = await this.webhooks.store(tx.manager, hook);
      await this.audit.record(tx.manager, actor, {
        action: 'supplier_webhook.secret_rotated',
        entityType: 'supplier_webhook',
        entityId: supplierId,
        before: { ...before, secret: 'old' },
        after: { ...view(saved), secret: 'new' },
      });
      return { ...view(saved), secret };
    });
  }

  async remove(actor: Actor, supplierId: string): Promise<void> {
    await requireVisibleSupplier(this.organisations, actor, supplierId);
    await this.uow.run(async (tx) => {
      const hook = await this.webhooks.findOneBy({ supplierId }, tx.manager);
      if (!hook) throw ProblemException.notFound('Webhook for supplier', supplierId);
      await this.webhooks.delete(tx.manager, supplierId);
      await this.audit.record(tx.manager, actor, {
        action: 'supplier_webhook.deleted',
        entityType: 'supplier_webhook',
        entityId: supplierId,
        before: view(hook),
      });
    });
  }

  /** Worker: the endpoint answered 410 Gone, so it stops receiving until re-enabled. */
  async disableGone(supplierId: string, url: string): Promise<void> {
    await this.uow.run(async (tx) => {
      const disabled = await this.webhooks.disable(tx.manager, supplierId, url);
      if (!disabled) return;
      await this.audit.record(tx.manager, SYSTEM_ACTOR, {
        action: 'supplier_webhook.disabled_gone',
        entityType: 'supplier_webhook',
        entityId: supplierId,
        before: { active: true, url },
        after: { active: false, url },
      });
    });
  }

  /** Secrets that currently sign deliveries: the current one, plus the previous during grace. */
  async signingSecrets(supplierId: string): Promise<{ url: string; secrets: string[] } | null> {
    const hook = await this.webhooks.findOneBy({ supplierId, active: true });
    if (!hook) return null;
    const secrets = [this.box.open(hook.secretEncrypted)];
    if (
      hook.previousSecretEncrypted &&
      hook.previousSecretExpiresAt &&
      hook.previousSecretExpiresAt > new Date()
    ) {
      secrets.push(this.box.open(hook.previousSecretEncrypted));
    }
    return { url: hook.url, secrets };
  }
}
