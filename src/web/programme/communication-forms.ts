import type { TFunction } from 'i18next';
import { CERTIFICATE_STATUSES } from '../../conformance/certificate-status.js';
import { NATIONS, ONBOARDING_STATUSES } from '../../organisations/organisation-type.js';
import { PRODUCT_STATUSES } from '../../products/product-lifecycle.js';
import { CHANNELS } from '../../communications/communication-status.js';
import type { CommunicationView } from '../../communications/communication-views.js';
import type { FormError } from '../forms/form-errors.js';

/** The audience's lists the compose form offers as checkboxes (suppliers audience). */
export const AUDIENCE_LISTS = [
  'serviceIds',
  'onboardingStatuses',
  'productStatuses',
  'certificateStatuses',
  'nations',
  'regions',
  'councilGroupIds',
  'supplierIds',
] as const;
type AudienceList = (typeof AUDIENCE_LISTS)[number];

/** Fixed choices of the lists that are not read from the database. */
export const FIXED_CHOICES = {
  onboardingStatuses: ONBOARDING_STATUSES,
  productStatuses: PRODUCT_STATUSES,
  certificateStatuses: CERTIFICATE_STATUSES,
  nations: NATIONS,
  channels: CHANNELS,
} as const;

/** What the compose form holds, as typed (kept when the page comes back with errors). */
export interface ComposeValues {
  subjectTemplate: string;
  bodyTemplate: string;
  topic: string;
  mandatory: string;
  channels: string[];
  audience: Record<AudienceList, string[]>;
  ack: { day: string; month: string; year: string };
  when: string;
  send: { day: string; month: string; year: string; time: string };
  version: string;
}

const text = (body: Record<string, unknown>, f: string, max = 60_000): string =>
  typeof body[f] === 'string' ? body[f].trim().slice(0, max) : '';

/** A ticked list: one value is a string, several an array; anything else is dropped. */
const ticked = (body: Record<string, unknown>, f: string): string[] => {
  const v = body[f];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((x): x is string => typeof x === 'string' && x.length <= 200).slice(0, 5000);
};

/** The posted compose form, normalised (never throws, whatever the body). */
export function composeValues(raw: unknown): ComposeValues {
  const body = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const part = (f: string) => text(body, f, 10);
  return {
    subjectTemplate: text(body, 'subjectTemplate', 1000),
    bodyTemplate: typeof body.bodyTemplate === 'string' ? body.bodyTemplate.slice(0, 60_000) : '',
    topic: text(body, 'topic', 100),
    mandatory: text(body, 'mandatory', 5),
    channels: ticked(body, 'channels'),
    audience: Object.fromEntries(AUDIENCE_LISTS.map((k) => [k, ticked(body, k)])) as Record<
      AudienceList,
      string[]
    >,
    ack: {
      day: part('acknowledgeBy-day'),
      month: part('acknowledgeBy-month'),
      year: part('acknowledgeBy-year'),
    },
    when: text(body, 'when', 10),
    send: {
      day: part('sendAt-day'),
      month: part('sendAt-month'),
      year: part('sendAt-year'),
      time: part('sendTime'),
    },
    version: text(body, 'version', 12),
  };
}

/** A new form: both channels, not mandatory, sent now. */
export function emptyCompose(
  audience: Partial<Record<AudienceList, string[]>> = {},
): ComposeValues {
  return {
    subjectTemplate: '',
    bodyTemplate: '',
    topic: '',
    mandatory: 'no',
    channels: ['email', 'webhook'],
    audience: Object.fromEntries(AUDIENCE_LISTS.map((k) => [k, audience[k] ?? []])) as Record<
      AudienceList,
      string[]
    >,
    ack: { day: '', month: '', year: '' },
    when: 'now',
    send: { day: '', month: '', year: '', time: '' },
    version: '',
  };
}

/** The minutes London is ahead of UTC at an instant (0 or 60). */
function londonOffset(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((wall - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** A London wall-clock time as an instant; null unless it is a real calendar date. */
export function londonInstant(
  day: string,
  month: string,
  year: string,
  hh = 0,
  mm = 0,
  ss = 0,
): Date | null {
  if (![day, month].every((v) => /^\d{1,2}$/.test(v)) || !/^\d{4}$/.test(year)) return null;
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const utc = new Date(Date.UTC(y, m - 1, d, hh, mm, ss));
  if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== m - 1 || utc.getUTCDate() !== d) {
    return null;
  }
  return new Date(utc.getTime() - londonOffset(utc) * 60_000);
}

/** An instant as London date parts and HH:MM (to fill the form again). */
export function londonParts(at: Date): { day: string; month: string; year: string; time: string } {
  const local = new Date(at.getTime() + londonOffset(at) * 60_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    day: String(local.getUTCDate()),
    month: String(local.getUTCMonth() + 1),
    year: String(local.getUTCFullYear()),
    time: `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`,
  };
}

const hasAny = (p: { day: string; month: string; year: string }) =>
  Boolean(p.day || p.month || p.year);

/**
 * The form as the API's CreateCommunicationDto input, plus the send time; the dates the
 * DTO cannot check (real calendar dates, not in the past) are checked here.
 */
export function composeInput(
  v: ComposeValues,
  t: TFunction,
  now = new Date(),
): { input: Record<string, unknown>; sendAt: Date | null; errors: FormError[] } {
  const errors: FormError[] = [];
  const msg = (field: string, rule: string) => t(`comms.forms.compose.${field}.${rule}`);
  let acknowledgeBy: string | undefined;
  if (hasAny(v.ack)) {
    const end = londonInstant(v.ack.day, v.ack.month, v.ack.year, 23, 59, 59);
    if (!end) errors.push({ field: 'acknowledgeBy', text: msg('acknowledgeBy', 'invalid') });
    else if (end.getTime() < now.getTime())
      errors.push({ field: 'acknowledgeBy', text: msg('acknowledgeBy', 'past') });
    else acknowledgeBy = end.toISOString();
  }
  let sendAt: Date | null = null;
  if (v.when !== 'now' && v.when !== 'later') {
    errors.push({ field: 'when', text: msg('when', 'required') });
  } else if (v.when === 'later') {
    const time = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(v.send.time);
    const at = time
      ? londonInstant(v.send.day, v.send.month, v.send.year, Number(time[1]), Number(time[2]))
      : null;
    if (!londonInstant(v.send.day, v.send.month, v.send.year))
      errors.push({ field: 'sendAt', text: msg('sendAt', 'invalid') });
    else if (!time) errors.push({ field: 'sendTime', text: msg('sendTime', 'invalid') });
    else if (at!.getTime() <= now.getTime())
      errors.push({ field: 'sendAt', text: msg('sendAt', 'past') });
    else sendAt = at;
  }
  const mandatory = v.mandatory === 'yes' ? true : v.mandatory === 'no' ? false : v.mandatory;
  const audience = Object.fromEntries(
    AUDIENCE_LISTS.filter((k) => v.audience[k].length > 0).map((k) => [k, v.audience[k]]),
  );
  return {
    input: {
      subjectTemplate: v.subjectTemplate,
      bodyTemplate: v.bodyTemplate,
      topic: v.topic,
      mandatory,
      audience,
      channels: v.channels,
      ...(acknowledgeBy && { acknowledgeBy }),
    },
    sendAt,
    errors,
  };
}

/** A draft's values in the form (Change), with the send time carried in the address. */
export function draftValues(c: CommunicationView, sendAt: Date | null): ComposeValues {
  const base = emptyCompose(c.audience);
  const ack = c.acknowledgeBy ? londonParts(new Date(c.acknowledgeBy)) : null;
  const send = sendAt ? londonParts(sendAt) : null;
  return {
    ...base,
    subjectTemplate: c.subjectTemplate,
    bodyTemplate: c.bodyTemplate,
    topic: c.topic,
    mandatory: c.mandatory ? 'yes' : 'no',
    channels: [...c.channels],
    ack: ack ? { day: ack.day, month: ack.month, year: ack.year } : base.ack,
    when: send ? 'later' : 'now',
    send: send ?? base.send,
    version: String(c.version),
  };
}

/** Where each error's summary link goes (the first input of a group). */
export const ERROR_ANCHORS: Record<string, string> = {
  acknowledgeBy: 'acknowledgeBy-day',
  sendAt: 'sendAt-day',
  audience: 'serviceIds',
};

/** A `sendAt` carried in the address (the preview and Change): a future instant or null. */
export function carriedSendAt(v: unknown, now = new Date()): Date | null {
  if (typeof v !== 'string' || v.length > 40) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) || d.getTime() <= now.getTime() ? null : d;
}
