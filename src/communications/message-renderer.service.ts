import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AckLinkSigner } from './ack-link-signer.js';
import type { Communication } from './communication.entity.js';
import type { CouncilItem, ProductItem } from './communication-supplier.entity.js';
import { isoDate } from './communication-views.js';
import { TemplateRenderer, type TemplateView } from './template-renderer.js';

export interface Recipient {
  supplierId: string;
  supplierName: string;
  /** Null for an organisation's webhook endpoint (its ack link is the API's acknowledge). */
  contactId: string | null;
  contactName: string;
  email: string;
  /** The supplier's matched products and councils (empty lists when unknown). */
  products?: ProductItem[];
  councils?: CouncilItem[];
}

export interface RenderedMessage {
  subject: string;
  /** The body with values inserted as they are (email text part, webhook payload). */
  text: string;
  /** The body with values HTML-escaped, wrapped for an email's HTML part ('' when not asked). */
  html: string;
  ackLink: string;
}

export type Renderable = Pick<
  Communication,
  'id' | 'subjectTemplate' | 'bodyTemplate' | 'topic' | 'acknowledgeBy' | 'context'
>;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

/** Renders a communication for one recipient: the same code for previews and sends. */
@Injectable()
export class MessageRenderer {
  constructor(private readonly links: AckLinkSigner) {}

  render(c: Renderable, r: Recipient, opts = { html: true }): RenderedMessage {
    const ackLink = r.contactId
      ? this.links.link(c.id, r.supplierId, r.contactId)
      : this.links.apiLink(c.id);
    const view: TemplateView = {
      ...c.context,
      products: r.products ?? [],
      councils: r.councils ?? [],
      supplier: { name: r.supplierName },
      contact: { name: r.contactName, email: r.email },
      communication: { topic: c.topic, acknowledgeBy: isoDate(c.acknowledgeBy) },
      ackLink,
    };
    const html = opts.html ? MessageRenderer.htmlBody(c.bodyTemplate, view) : '';
    return {
      subject: TemplateRenderer.render(c.subjectTemplate, view, { html: false }).replace(
        /\s+/g,
        ' ',
      ),
      text: TemplateRenderer.render(c.bodyTemplate, view, { html: false }),
      html: opts.html
        ? `<!doctype html><html><body><div style="white-space:pre-wrap">${html}</div></body></html>`
        : '',
      ackLink,
    };
  }

  /**
   * The HTML body: every value escaped, except that the acknowledgement link becomes a
   * real `<a href>` (its URL escaped as an attribute). The link is rendered as a random
   * token first, so nothing a template or a value contains can turn into markup.
   */
  private static htmlBody(template: string, view: TemplateView): string {
    const token = `acklink${randomBytes(12).toString('hex')}`;
    const body = TemplateRenderer.render(template, { ...view, ackLink: token }, { html: true });
    const link = escapeHtml(view.ackLink);
    return body.replaceAll(token, `<a href="${link}">${link}</a>`);
  }
}
