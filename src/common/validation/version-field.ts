import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min, ValidateIf } from 'class-validator';

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
