import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config.js';
import type { SendOutcome } from './delivery-outcome.js';
import type { RenderedMessage } from './message-renderer.service.js';

/**
 * Email over SMTP (SMTP_URL) through one pooled nodemailer transport. A 5xx reply is a
 * permanent failure; connection errors, timeouts and 4xx replies are temporary.
 */
@Injectable()
export class EmailSender implements OnModuleDestroy {
  private transport?: Transporter;

  constructor(private readonly config: AppConfig) {}

  private transporter(): Transporter {
    this.transport ??= createTransport({
      url: this.config.SMTP_URL,
      pool: true,
      maxConnections: 5,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return this.transport;
  }

  async send(deliveryId: string, to: string, message: RenderedMessage): Promise<SendOutcome> {
    try {
      await this.transporter().sendMail({
        from: this.config.SMTP_FROM,
        to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: `<${deliveryId}@deliveries.ptrack>`,
        headers: { 'X-Delivery-Id': deliveryId },
      });
      return { kind: 'delivered' };
    } catch (err) {
      const e = err as Error & { responseCode?: number; code?: string };
      const error = `${e.code ?? 'error'}: ${e.message}`.slice(0, 1000);
      return e.responseCode && e.responseCode >= 500 && e.responseCode < 600
        ? { kind: 'permanent', error }
        : { kind: 'temporary', error };
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
