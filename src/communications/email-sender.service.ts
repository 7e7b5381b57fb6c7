import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config.js';
import type { SendOutcome } from './delivery-outcome.js';
import type { RenderedMessage } from './message-renderer.service.js';
import { fastMessage, type MailAddress, parseFrom } from './mime-message.js';

/**
 * Email over SMTP (SMTP_URL) through one pooled nodemailer transport
 * (SMTP_MAX_CONNECTIONS connections, each closed after SMTP_MAX_MESSAGES messages; commands
 * pipelined when the server offers PIPELINING). The message is built once as a string
 * (`mime-message.ts`) and handed over raw with its envelope; nodemailer composes it only
 * when that builder declines (non-ASCII addresses and the like). A 5xx reply is a
 * permanent failure; connection errors, timeouts and 4xx replies are temporary.
 */
@Injectable()
export class EmailSender implements OnModuleDestroy {
  private transport?: Transporter;
  /** SMTP_FROM parsed once; null when it is not plain ASCII (nodemailer composes then). */
  private readonly from: MailAddress | null;

  constructor(private readonly config: AppConfig) {
    this.from = parseFrom(config.SMTP_FROM);
  }

  private transporter(): Transporter {
    this.transport ??= createTransport({
      url: this.config.SMTP_URL,
      pool: true,
      maxConnections: this.config.SMTP_MAX_CONNECTIONS,
      maxMessages: this.config.SMTP_MAX_MESSAGES,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return this.transport;
  }

  /** What nodemailer is given: the raw message and its envelope, or the parts to compose. */
  mailOptions(deliveryId: string, to: string, message: RenderedMessage): SendMailOptions {
    const messageId = `${deliveryId}@deliveries.ptrack`;
    const headers = { 'X-Delivery-Id': deliveryId };
    const raw = this.from
      ? fastMessage({ from: this.from, to, messageId, headers, ...message })
      : null;
    if (raw && this.from) return { envelope: { from: this.from.address, to: [to] }, raw };
    return {
      from: this.config.SMTP_FROM,
      to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: `<${messageId}>`,
      headers,
    };
  }

  async send(deliveryId: string, to: string, message: RenderedMessage): Promise<SendOutcome> {
    try {
      await this.transporter().sendMail(this.mailOptions(deliveryId, to, message));
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
