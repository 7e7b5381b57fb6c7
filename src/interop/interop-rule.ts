/** Who can be a party to a tested-together record. */
export const PARTY_TYPES = ['product', 'shared_service'] as const;
export type PartyType = (typeof PARTY_TYPES)[number];

/** The role a party played in the test. */
export const PARTY_ROLES = ['sender', 'receiver', 'client', 'server'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const CASE_RESULTS = ['passed', 'failed', 'partially_verified'] as const;
export type CaseResult = (typeof CASE_RESULTS)[number];

/** The record's result: failed if any case failed, else partially verified if any was. */
export const overallResult = (cases: { result: CaseResult }[]): CaseResult =>
  cases.some((c) => c.result === 'failed')
    ? 'failed'
    : cases.some((c) => c.result === 'partially_verified')
      ? 'partially_verified'
      : 'passed';

/** Why a record must be re-tested. */
export const RETEST_REASONS = ['certificate_reassessment', 'standard_new_version'] as const;
export type RetestReason = (typeof RETEST_REASONS)[number];
