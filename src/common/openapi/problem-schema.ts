import type { Schema } from './openapi-types.js';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
export const PROBLEM_REF = '#/components/schemas/Problem';

/** RFC 9457 problem details as ProblemDetailsFilter renders them (extension members allowed). */
export const PROBLEM_SCHEMA: Schema = {
  type: 'object',
  description:
    'RFC 9457 problem details. `code` is stable and machine-readable; extension members ' +
    'depend on the error (`errors` for invalid fields, `allowed` for illegal transitions, ' +
    '`currentVersion` for stale writes, `retryAfterSeconds` for throttling, `errorId` for 500s).',
  required: ['type', 'title', 'status', 'detail', 'code', 'instance', 'requestId'],
  properties: {
    type: { type: 'string', example: 'urn:ptrack:problem:not_found' },
    title: { type: 'string', example: 'Not Found' },
    status: { type: 'integer', minimum: 400, maximum: 599, example: 404 },
    detail: { type: 'string', example: 'Risk 0b7c5a1e-8a4f-4c7e-9a53-2f0f3a0d9e11 not found' },
    code: { type: 'string', pattern: '^[a-z_]+$', example: 'not_found' },
    instance: { type: 'string', example: '/api/v1/risks/0b7c5a1e-8a4f-4c7e-9a53-2f0f3a0d9e11' },
    requestId: { type: 'string', maxLength: 100, example: '6f1d2c1e-6a0b-4d7e-8d3c-1e2f3a4b5c6d' },
    errors: {
      type: 'array',
      description: 'Each invalid field (400 invalid_fields, 422)',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: {
          field: { type: 'string', example: 'contacts[0].email' },
          message: { type: 'string', example: 'email must be an email' },
        },
      },
    },
    allowed: {
      type: 'array',
      description: 'The statuses the record may move to from its current one (409)',
      items: { type: 'string' },
    },
    currentVersion: { type: 'integer', description: 'The current version (409 stale_version)' },
    retryAfterSeconds: { type: 'integer', description: 'When to retry (429)' },
    errorId: { type: 'string', format: 'uuid', description: 'Logged with the stack (500)' },
  },
  additionalProperties: true,
};

export const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: malformed JSON, a field or parameter that fails validation (`errors`)',
  401: 'No valid bearer token',
  403: 'Your role or organisation may not do this',
  404: 'Not found, or not visible to you',
  409: 'Conflict: illegal transition (`allowed`), stale version, duplicate, or state rule',
  413: 'Request body over the size limit',
  415: 'Unsupported Content-Type',
  422: 'Well-formed but refers to something missing or breaks a domain rule',
  429: 'Too many requests (`retryAfterSeconds`, Retry-After header)',
  500: 'Unexpected error (`errorId` is logged with the stack)',
  503: 'A dependency (database, queue) is unavailable',
};
