import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';

const SCORE = { type: 'integer', minimum: 1, maximum: 5 } as const;

/**
 * May be left out, but not sent as null (unlike `@IsOptional`, which lets null through to
 * a NOT NULL column). For fields that cannot be cleared.
 */
export const OptionalNotNull = () => ValidateIf((_: object, value: unknown) => value !== undefined);

/** A likelihood or impact: a whole number from 1 (rare / minimal) to 5 (almost certain / severe). */
export const ScoreField = (description: string) =>
  applyDecorators(ApiProperty({ ...SCORE, description }), IsInt(), Min(1), Max(5));

export const OptionalScoreField = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ ...SCORE, description }),
    OptionalNotNull(),
    IsInt(),
    Min(1),
    Max(5),
  );

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
