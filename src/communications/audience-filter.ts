import type { OnboardingStatus } from '../organisations/organisation-type.js';

/**
 * Who a communication goes to, stored as JSON on the communication. Each kind of filter
 * narrows the audience (AND between kinds); a list matches any of its values (OR within
 * a list); an absent or empty list does not narrow. New kinds (service, product status,
 * certificate status, councils served) are added here and in AudienceResolver.
 */
export interface AudienceFilter {
  /** Only these suppliers. */
  supplierIds?: string[];
  /** Only suppliers whose onboarding status is one of these. */
  onboardingStatuses?: OnboardingStatus[];
}
