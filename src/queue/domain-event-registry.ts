/**
 * Domain events: facts other modules react to after a commit, delivered through the
 * outbox (`tx.publish`) and handled in the worker by `@OnDomainEvent` methods. A module
 * that publishes adds its event type and payload here. Payloads are JSON.
 */
export interface DomainEventPayloads {
  /** Emitted by tests and ops to check the event path end to end. */
  'system.ping': { note: string };
  /**
   * A requirement set version was published (requirements module). `diff` lists the
   * requirement codes added, changed and removed against `previousSetId` (the version it
   * superseded; null for a first version, when every code is added).
   */
  'requirement_set.published': {
    requirementSetId: string;
    serviceId: string;
    version: number;
    previousSetId: string | null;
    effectiveDate: string;
    diff: { added: string[]; changed: string[]; removed: string[] };
  };
  /**
   * A service was added or its scope (nations, council groups, councils) changed, or a
   * council group it is scoped by changed members (catalogue, organisations). The
   * adoption module brings the service's adoptions in line with its scope as it is now.
   */
  'service.scope_changed': { serviceId: string };
  /** A council group's members changed: services scoped by it are reconciled. */
  'council_group.members_changed': { groupId: string };
  /** A council was added to the registry: it gets an adoption of every service in scope. */
  'council.added': { councilId: string; gssCode: string };
  /** A register entry's next review date has passed (daily, once per entry per UTC day). */
  'risk.review_overdue': RiskReviewOverdue;
  /** A mitigation action is past its due date (daily, once per action per UTC day). */
  'risk.action_overdue': RiskActionOverdue;
  /** The programme office suspended a product (products module). */
  'product.suspended': ProductKnockOn & { reason: string };
  /** A certificate passed its expiry date (daily expiry job, conformance module). */
  'certificate.expired': CertificateKnockOn;
  /** The programme office revoked a certificate (conformance module). */
  'certificate.revoked': CertificateKnockOn & { reason: string };
  /** A newer requirement-set version made a certificate reassessment_due. */
  'certificate.reassessment_due': CertificateEvent & {
    newRequirementSetId: string;
    newVersion: number;
    deadline: string;
  };
  /** A certificate expires in 30 or 7 days (daily job, once per certificate and threshold). */
  'certificate.expiring': CertificateEvent & { daysLeft: 30 | 7 };
  /** A disbenefit reading crossed its threshold (benefits module): raise one linked risk. */
  'benefit.threshold_crossed': {
    benefitId: string;
    measurementId: string;
    value: string;
    threshold: string;
    measuredOn: string;
  };
  /**
   * The daily readiness scan found councils not ready for a critical date at one of its
   * lead times (readiness module): each council is announced once per date and lead time.
   */
  'readiness.lead_time_reached': {
    criticalDateId: string;
    code: string;
    name: string;
    date: string;
    leadDays: number;
    /** The councils not ready (at risk or not ready) newly recorded for this lead time. */
    councilIds: string[];
    /** Suppliers whose product or shared service serves one of them for a date's service. */
    supplierIds: string[];
  };
  /**
   * A new version of a standard was added (standards module): tested-together records
   * against its other versions are due for a re-test.
   */
  'standard.version_added': { standardId: string; code: string; version: string };
  /**
   * A toolkit release was published (toolkits module): a notice to the supplier contacts
   * subscribed to `toolkit-releases`, once per release.
   */
  'toolkit.release_published': {
    toolkitId: string;
    releaseId: string;
    code: string;
    name: string;
    version: string;
    serviceId: string;
    files: number;
  };
  /** A reviewer decided a conformance submission. */
  'submission.decided': {
    submissionId: string;
    productId: string;
    productName: string;
    supplierId: string;
    serviceId: string;
    requirementSetId: string;
    result: 'approved' | 'changes_requested' | 'rejected';
    reason: string;
    certificateId: string | null;
  };
}

/** A product and the councils whose adoption route uses it (knock-on events). */
export interface ProductKnockOn {
  productId: string;
  productName: string;
  supplierId: string;
  /** Councils whose adoption delivers a service through this product. */
  councilIds: string[];
}

/** Who a certificate event concerns: the certificate, its product, service and supplier. */
export interface CertificateEvent {
  certificateId: string;
  productId: string;
  productName: string;
  supplierId: string;
  serviceId: string;
  requirementSetId: string;
  expiresAt: string;
}

export interface CertificateKnockOn extends CertificateEvent {
  /** Councils whose adoption of `serviceId` is routed through `productId`. */
  councilIds: string[];
}

/** Where an entry sits and who owns it: what a digest needs to pick its recipients. */
export interface RiskEventTarget {
  riskId: string;
  reference: string;
  riskTitle: string;
  kind: string;
  rag: 'red' | 'amber' | 'green';
  scope: string;
  serviceId: string | null;
  supplierId: string | null;
  councilId: string | null;
  ownerUserId: string | null;
  ownerOrganisationId: string;
  /** The UTC day (YYYY-MM-DD) of the scan that emitted it: (item, day) is unique. */
  day: string;
}

export interface RiskReviewOverdue extends RiskEventTarget {
  nextReviewAt: string;
  daysOverdue: number;
}

export interface RiskActionOverdue extends RiskEventTarget {
  actionId: string;
  actionTitle: string;
  actionOwnerUserId: string | null;
  dueDate: string;
  daysOverdue: number;
}

export type DomainEventType = keyof DomainEventPayloads;

export interface DomainEventEnvelope<T extends DomainEventType = DomainEventType> {
  type: T;
  data: DomainEventPayloads[T];
  occurredAt: string;
}
