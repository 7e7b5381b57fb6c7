export const ORGANISATION_TYPES = ['COUNCIL', 'SUPPLIER', 'AGENCY', 'PROGRAMME_OFFICE'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const ONBOARDING_STATUSES = ['not_invited', 'invited', 'active', 'inactive'] as const;
export type OnboardingStatus = (typeof ONBOARDING_STATUSES)[number];

/** Supplier onboarding lifecycle: the only moves allowed. */
export const ONBOARDING_TRANSITIONS: Record<OnboardingStatus, OnboardingStatus[]> = {
  not_invited: ['invited'],
  invited: ['active', 'inactive'],
  active: ['inactive'],
  inactive: ['invited', 'active'],
};

export const NATIONS = ['England', 'Wales'] as const;
export const COUNCIL_TYPES = [
  'County council',
  'Unitary authority',
  'Metropolitan district',
  'London borough',
  'City corporation',
] as const;
