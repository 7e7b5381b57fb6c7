import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min, ValidateBy, ValidateIf } from 'class-validator';

/** The `version` the client read: a stale one is refused with 409 stale_version. */
export const VersionField = () =>
  applyDecorators(
    ApiProperty({
      type: 'integer',
      minimum: 1,
      description: 'The version you read (409 if stale)',
    }),
    IsInt(),
    Min(1),
  );

/**
 * May be left out, but not sent as null (unlike `@IsOptional`, which lets null through to
 * a NOT NULL column). For fields that cannot be cleared.
 */
export const OptionalNotNull = () => ValidateIf((_: object, value: unknown) => value !== undefined);

/**
 * A finite number with at most `places` decimal places. class-validator's
 * `IsNumber({ maxDecimalPlaces })` throws (500) on numbers written in exponent form such as
 * 5e-324; this checks the value arithmetically instead.
 */
export const IsDecimal = (places: number) =>
  ValidateBy({
    name: 'isDecimal',
    validator: {
      validate: (value) =>
        typeof value === 'number' &&
        Number.isFinite(value) &&
        Math.abs(Math.round(value * 10 ** places) - value * 10 ** places) < 1e-6,
      defaultMessage: (args) =>
        `${args?.property} must be a number with at most ${places} decimal place(s)`,
    },
  });
