import type { CertificateView, SubmissionView } from '../../conformance/conformance-views.js';
import type { ProductView } from '../../products/product-views.js';
import type { InboxItem } from '../../communications/supplier-inbox.service.js';

/** Certificates expiring within this many days are on the supplier's attention list. */
export const EXPIRY_WARNING_DAYS = 60;

/** One thing on the supplier's home page: a catalogue key, its parameters, a link, a deadline. */
export interface AttentionItem {
  kind:
    | 'changesRequested'
    | 'reassessmentDue'
    | 'expiring'
    | 'productStatus'
    | 'awaitingAcknowledgement'
    | 'webhookFailing';
  productId: string;
  productName: string;
  href: string;
  deadline: Date | null;
  reason: string | null;
  status?: string;
}

/** Delivery statuses that mean the webhook endpoint is failing when the latest one has it. */
export const WEBHOOK_FAILED = ['temporary_failure', 'permanent_failure'];

/** The home's last entry: the latest webhook delivery failed, so the endpoint needs a look. */
export const webhookFailing = (): AttentionItem => ({
  kind: 'webhookFailing',
  productId: '',
  productName: '',
  href: '/supplier/webhooks',
  deadline: null,
  reason: null,
});

/**
 * Communications still awaiting the organisation's acknowledgement (earliest date first):
 * after the products' and certificates' items, before a failing webhook endpoint.
 * `productName` carries the message's subject.
 */
export const awaitingAcknowledgement = (items: InboxItem[]): AttentionItem[] =>
  items.map((m) => ({
    kind: 'awaitingAcknowledgement',
    productId: '',
    productName: m.subject,
    href: `/supplier/communications/${m.id}`,
    deadline: m.acknowledgeBy ? new Date(m.acknowledgeBy) : null,
    reason: null,
  }));

/**
 * What needs the supplier's attention, in the order the portal promises: submissions with
 * changes requested, certificates due for reassessment or expiring (earliest deadline
 * first), then products the programme office put in remediation or suspended.
 */
export function attentionItems(
  products: ProductView[],
  changes: SubmissionView[],
  certificates: CertificateView[],
  now: Date,
): AttentionItem[] {
  const name = new Map(products.map((p) => [p.id, p.name]));
  const product = (id: string) => ({
    productId: id,
    productName: name.get(id) ?? '',
    href: `/supplier/products/${id}`,
  });
  const soon = now.getTime() + EXPIRY_WARNING_DAYS * 86_400_000;
  const byDeadline = (a: AttentionItem, b: AttentionItem) =>
    (a.deadline?.getTime() ?? 0) - (b.deadline?.getTime() ?? 0);
  const changed: AttentionItem[] = changes.map((s) => ({
    ...product(s.productId),
    href: `/supplier/submissions/${s.id}`,
    kind: 'changesRequested',
    deadline: null,
    reason: s.decisionReason,
  }));
  const due: AttentionItem[] = certificates
    .filter((c) => c.status === 'reassessment_due')
    .map((c) => ({
      ...product(c.productId),
      kind: 'reassessmentDue' as const,
      deadline: c.reassessmentDeadline ? new Date(c.reassessmentDeadline) : null,
      reason: null,
    }))
    .sort(byDeadline);
  const expiring: AttentionItem[] = certificates
    .filter((c) => c.status === 'valid' && new Date(c.expiresAt).getTime() <= soon)
    .map((c) => ({
      ...product(c.productId),
      kind: 'expiring' as const,
      deadline: new Date(c.expiresAt),
      reason: null,
    }))
    .sort(byDeadline);
  const flagged: AttentionItem[] = products
    .filter((p) => p.status === 'in_remediation' || p.status === 'suspended')
    .map((p) => ({
      ...product(p.id),
      kind: 'productStatus' as const,
      deadline: null,
      reason: p.statusReason,
      status: p.status,
    }));
  return [...changed, ...due, ...expiring, ...flagged];
}
