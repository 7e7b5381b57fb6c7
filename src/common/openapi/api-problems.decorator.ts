import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { PROBLEM_DESCRIPTIONS, PROBLEM_MEDIA_TYPE, PROBLEM_REF } from './problem-schema.js';

/**
 * Error statuses an operation returns beyond the ones every operation of its kind can
 * return (those — 400, 401, 403, 404, 413, 415, 500, 503 — completeOpenApiDocument adds from
 * the operation's parameters, body and security). Each is a problem+json `Problem`.
 */
export const ApiProblems = (...statuses: number[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEM_DESCRIPTIONS[status] ?? 'Problem',
        content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: PROBLEM_REF } } },
      }),
    ),
  );
