import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { OptionalNotNull } from '../../common/validation/version-field.js';

const SCORE = { type: 'integer', minimum: 1, maximum: 5 } as const;

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
