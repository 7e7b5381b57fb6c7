import { todayIso } from '../common/validation/is-iso-date.decorator.js';
import type { DashboardsService } from '../dashboards/dashboards.service.js';

type CouncilStatus = Awaited<ReturnType<DashboardsService['councilStatus']>>;
type ServiceStatus = CouncilStatus['services'][number];

/** Why a service needs the council's attention, as catalogue keys (with the system's reason). */
export function attentionFlags(s: ServiceStatus, today = todayIso()) {
  const flags: { key: string; detail?: string }[] = [];
  if (s.route?.productStatus === 'suspended') flags.push({ key: 'suspended' });
  if (s.certificateStatus === 'expired' || s.certificateStatus === 'revoked') {
    flags.push({ key: s.certificateStatus });
  }
  if (s.nextTarget && s.stage !== 'live' && String(s.nextTarget.date) < today) {
    flags.push({ key: 'pastTarget' });
  }
  if (s.attentionRequired) flags.push({ key: 'flagged', detail: s.attentionReason ?? undefined });
  return flags;
}

/** The next thing to do, as a catalogue key. */
export function nextStep(s: ServiceStatus): string {
  if (s.stage === 'live') return 'live';
  if (s.stage === 'paused') return 'paused';
  if (s.stage === 'withdrawn') return 'withdrawn';
  if (!s.route && s.stage !== 'not_started' && s.stage !== 'planning') return 'chooseRoute';
  return s.stage;
}

export const STAGE_TAG: Record<string, string> = {
  not_started: 'govuk-tag--grey',
  planning: 'govuk-tag--light-blue',
  procurement: 'govuk-tag--blue',
  implementation: 'govuk-tag--purple',
  testing: 'govuk-tag--yellow',
  live: 'govuk-tag--green',
  paused: 'govuk-tag--orange',
  withdrawn: 'govuk-tag--red',
};
