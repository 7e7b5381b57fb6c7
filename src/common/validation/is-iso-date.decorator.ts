import { applyDecorators } from '@nestjs/common';
import { ValidateBy } from 'class-validator';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/i;

const daysIn = (year: number, month: number): number =>
  month === 2
    ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

/**
 * True when the date part exists on the calendar (no 2026-02-30, no year 0000) and any
 * time part is a real time of day (00:00–23:59:59, offsets up to ±23:59). JavaScript's
 * Date would roll 2026-02-30 over into 2 March; this never does.
 */
export function isCalendarDate(value: unknown, withTime: boolean): boolean {
  if (typeof value !== 'string') return false;
  const m = (withTime ? ISO_DATE_TIME : ISO_DATE).exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  const limits: [string | undefined, number][] = [
    [m[4], 23],
    [m[5], 59],
    [m[6], 59],
    [m[8], 23],
    [m[9], 59],
  ];
  return limits.every(([part, max]) => part === undefined || Number(part) <= max);
}

/** A calendar date written YYYY-MM-DD (no time), that exists (no 2027-02-30, no year 0000). */
export const IsIsoDate = () =>
  applyDecorators(
    ValidateBy({
      name: 'isCalendarDate',
      validator: {
        validate: (value) => isCalendarDate(value, false),
        defaultMessage: (args) => `${args?.property} must be a real calendar date, YYYY-MM-DD`,
      },
    }),
  );

/**
 * An ISO 8601 date or date-time (YYYY-MM-DD, optionally THH:MM[:SS[.fff]] and Z or an
 * offset) whose date exists on the calendar. Used for every date-time in bodies and queries.
 */
export const IsIsoDateTime = () =>
  applyDecorators(
    ValidateBy({
      name: 'isCalendarDateTime',
      validator: {
        validate: (value) => isCalendarDate(value, true),
        defaultMessage: (args) =>
          `${args?.property} must be an ISO 8601 date-time on a real calendar date`,
      },
    }),
  );

/** Today's date in UTC, YYYY-MM-DD. */
export const todayIso = (): string => new Date().toISOString().slice(0, 10);
