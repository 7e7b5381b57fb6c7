import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date written YYYY-MM-DD (no time), that exists (no 2027-02-30). */
export const IsIsoDate = () =>
  applyDecorators(
    Matches(ISO_DATE, { message: '$property must be a date, YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a real calendar date' }),
  );

/** Today's date in UTC, YYYY-MM-DD. */
export const todayIso = (): string => new Date().toISOString().slice(0, 10);
