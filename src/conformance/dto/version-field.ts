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

/** May be left out, but not sent as null. */
export const OptionalNotNull = () => ValidateIf((_: object, value: unknown) => value !== undefined);
