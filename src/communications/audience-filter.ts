import type { AdoptionStage } from '../adoption/adoption-stage.js';
import type { CertificateStatus } from '../conformance/certificate-status.js';
import type { OnboardingStatus } from '../organisations/organisation-type.js';
import type { ProductStatus } from '../products/product-lifecycle.js';

/**
 * Who a communication goes to, stored as JSON on the communication. Each kind of filter
 * narrows the audience (AND between kinds); a list matches any of its values (OR within
 * a list); an absent or empty list does not narrow.
 *
 * Product-level kinds (`serviceIds`, `productStatuses`, `certificateStatuses`) must hold
 * for ONE product of the supplier together: a product delivering one of the services, in
 * one of the statuses, holding a certificate in one of the certificate statuses (for one
 * of the services when services are given).
 *
 * Council kinds (`regions`, `nations`, `councilGroupIds`) select councils (each kind
 * AND-ed); the supplier must SERVE at least one such council: a non-withdrawn adoption
 * (of one of the services, when given) routes through a product matching the product-level
 * kinds, or through a shared service (of one of the services, when given) the supplier
 * operates. See docs/architecture.md, Communications.
 *
 * With `recipients: 'councils'` the audience is councils' contacts instead: `councilIds`,
 * `regions`, `nations` and `councilGroupIds` select the councils themselves, and
 * `serviceIds` / `adoptionStages` the councils with a non-withdrawn adoption of one of
 * the services in one of the stages. Supplier and product kinds do not apply there.
 */
export interface AudienceFilter {
  /** Suppliers' contacts (default) or councils' contacts. */
  recipients?: AudienceRecipients;
  /** Councils audience: only these councils. */
  councilIds?: string[];
  /** Councils audience: councils whose adoption is in one of these stages. */
  adoptionStages?: AdoptionStage[];
  /** Only these suppliers. */
  supplierIds?: string[];
  /** Only suppliers whose onboarding status is one of these. */
  onboardingStatuses?: OnboardingStatus[];
  /** Suppliers with a product delivering one of these catalogue services. */
  serviceIds?: string[];
  /** Suppliers with a product in one of these publication statuses. */
  productStatuses?: ProductStatus[];
  /** Suppliers with a product holding a certificate in one of these statuses. */
  certificateStatuses?: CertificateStatus[];
  /** Suppliers serving a council in one of these regions (e.g. 'London'). */
  regions?: string[];
  /** Suppliers serving a council in one of these nations ('England', 'Wales'). */
  nations?: string[];
  /** Suppliers serving a council that is a member of one of these council groups. */
  councilGroupIds?: string[];
}

export const AUDIENCE_RECIPIENTS = ['suppliers', 'councils'] as const;
export type AudienceRecipients = (typeof AUDIENCE_RECIPIENTS)[number];

export const isCouncilAudience = (f: AudienceFilter) => f.recipients === 'councils';

/** The product-level kinds, which must hold for one product together. */
export const hasProductConditions = (f: AudienceFilter) =>
  Boolean(f.serviceIds?.length || f.productStatuses?.length || f.certificateStatuses?.length);

/** The council kinds ("councils served"). */
export const hasCouncilConditions = (f: AudienceFilter) =>
  Boolean(f.regions?.length || f.nations?.length || f.councilGroupIds?.length);
