import type { DomainEventPayloads } from '../../queue/domain-event-registry.js';
import type { AudienceFilter } from '../audience-filter.js';

/** The service a notice concerns, looked up once by the subscriber. */
export interface ServiceRef {
  code: string;
  name: string;
}

/** A system communication a domain event creates (see TriggeredCommunications). */
export interface Notice {
  /** Idempotency: `trigger:<event type>:<natural key>`; a redelivered event finds it taken. */
  dedupeKey: string;
  topic: string;
  subjectTemplate: string;
  bodyTemplate: string;
  audience: AudienceFilter;
  /** Rendered as `{{notice.…}}` (system templates only). */
  notice: Record<string, string | number>;
  acknowledgeBy: Date | null;
  /**
   * Default true: every active contact gets it. False: only contacts subscribed to `topic`
   * (e.g. new toolkit releases, which suppliers opt into).
   */
  mandatory?: boolean;
}

const SIGN_OFF = `\n\nAcknowledge receipt: {{ackLink}}\n\nProgramme Office`;

export const REQUIREMENTS_PUBLISHED = {
  subject: '{{notice.serviceName}}: requirements version {{notice.version}} published',
  body: `Dear {{contact.name}},

Version {{notice.version}} of the minimum requirements for {{notice.serviceName}} ({{notice.serviceCode}}) is published and takes effect on {{notice.effectiveDate}}.
Against the previous version: {{notice.added}} added, {{notice.changed}} changed, {{notice.removed}} removed.

Your products for this service:
{{#products}}
- {{name}} {{release}} ({{status}})
{{/products}}

Certificates issued against an earlier version become due for reassessment. Details: {{notice.link}}${SIGN_OFF}`,
};

export const REASSESSMENT_DUE = {
  subject:
    'Reassessment due by {{notice.deadline}}: {{notice.productName}} for {{notice.serviceName}}',
  body: `Dear {{contact.name}},

Version {{notice.newVersion}} of the {{notice.serviceName}} requirements makes the certificate of {{notice.productName}} due for reassessment. Submit evidence against the new version by {{notice.deadline}}; the certificate expires on {{notice.expiresAt}}.

Certificate: {{notice.link}}${SIGN_OFF}`,
};

export const CERTIFICATE_EXPIRING = {
  subject:
    'Certificate expires in {{notice.daysLeft}} days: {{notice.productName}} for {{notice.serviceName}}',
  body: `Dear {{contact.name}},

The {{notice.serviceName}} certificate of {{notice.productName}} expires on {{notice.expiresAt}} ({{notice.daysLeft}} days). Councils cannot adopt an uncertified product: submit for reassessment in time.

Certificate: {{notice.link}}${SIGN_OFF}`,
};

export const SUBMISSION_DECIDED = {
  subject:
    'Conformance submission {{notice.outcome}}: {{notice.productName}} for {{notice.serviceName}}',
  body: `Dear {{contact.name}},

The programme office decided the conformance submission of {{notice.productName}} for {{notice.serviceName}}: {{notice.outcome}}.

{{notice.reason}}

Submission: {{notice.link}}${SIGN_OFF}`,
};

const OUTCOME: Record<DomainEventPayloads['submission.decided']['result'], string> = {
  approved: 'approved',
  changes_requested: 'changes requested',
  rejected: 'rejected',
};

const day = (iso: string) => iso.slice(0, 10);

/**
 * Builds the notice of each triggering event. Every notice is a mandatory programme
 * notice (it concerns the supplier's obligations), on email and webhook, with a topic for
 * filtering lists and webhooks: requirements, certificates, submissions.
 */
export const notices = {
  requirementsPublished(
    e: DomainEventPayloads['requirement_set.published'],
    service: ServiceRef,
    baseUrl: string,
  ): Notice {
    return {
      dedupeKey: `trigger:requirement_set.published:${e.requirementSetId}`,
      topic: 'requirements',
      subjectTemplate: REQUIREMENTS_PUBLISHED.subject,
      bodyTemplate: REQUIREMENTS_PUBLISHED.body,
      audience: { serviceIds: [e.serviceId] },
      notice: {
        serviceName: service.name,
        serviceCode: service.code,
        version: e.version,
        effectiveDate: e.effectiveDate,
        added: e.diff.added.length,
        changed: e.diff.changed.length,
        removed: e.diff.removed.length,
        link: `${baseUrl}/api/v1/requirement-sets/${e.requirementSetId}`,
      },
      acknowledgeBy: null,
    };
  },

  reassessmentDue(
    e: DomainEventPayloads['certificate.reassessment_due'],
    service: ServiceRef,
    baseUrl: string,
  ): Notice {
    return {
      dedupeKey: `trigger:certificate.reassessment_due:${e.certificateId}:${e.newRequirementSetId}`,
      topic: 'certificates',
      subjectTemplate: REASSESSMENT_DUE.subject,
      bodyTemplate: REASSESSMENT_DUE.body,
      audience: { supplierIds: [e.supplierId] },
      notice: {
        productName: e.productName,
        serviceName: service.name,
        newVersion: e.newVersion,
        deadline: day(e.deadline),
        expiresAt: day(e.expiresAt),
        link: `${baseUrl}/api/v1/certificates/${e.certificateId}`,
      },
      acknowledgeBy: null,
    };
  },

  certificateExpiring(
    e: DomainEventPayloads['certificate.expiring'],
    service: ServiceRef,
    baseUrl: string,
  ): Notice {
    return {
      dedupeKey: `trigger:certificate.expiring:${e.certificateId}:${e.daysLeft}`,
      topic: 'certificates',
      subjectTemplate: CERTIFICATE_EXPIRING.subject,
      bodyTemplate: CERTIFICATE_EXPIRING.body,
      audience: { supplierIds: [e.supplierId] },
      notice: {
        productName: e.productName,
        serviceName: service.name,
        daysLeft: e.daysLeft,
        expiresAt: day(e.expiresAt),
        link: `${baseUrl}/api/v1/certificates/${e.certificateId}`,
      },
      acknowledgeBy: null,
    };
  },

  /** One notice per decision: the key includes when the event occurred (stable across redeliveries). */
  submissionDecided(
    e: DomainEventPayloads['submission.decided'],
    occurredAt: string,
    service: ServiceRef,
    baseUrl: string,
  ): Notice {
    return {
      dedupeKey: `trigger:submission.decided:${e.submissionId}:${occurredAt}`,
      topic: 'submissions',
      subjectTemplate: SUBMISSION_DECIDED.subject,
      bodyTemplate: SUBMISSION_DECIDED.body,
      audience: { supplierIds: [e.supplierId] },
      notice: {
        productName: e.productName,
        serviceName: service.name,
        outcome: OUTCOME[e.result],
        reason: e.reason,
        link: `${baseUrl}/api/v1/conformance-submissions/${e.submissionId}`,
      },
      acknowledgeBy: null,
    };
  },
};
