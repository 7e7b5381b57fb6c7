import type { OpenAPIObject } from '@nestjs/swagger';
import {
  PROBLEM_DESCRIPTIONS,
  PROBLEM_MEDIA_TYPE,
  PROBLEM_REF,
  PROBLEM_SCHEMA,
} from './problem-schema.js';
import { renderLifecycle, type TransitionsExtension } from './api-lifecycle.decorator.js';
import { applyValidationConstraints } from './validation-constraints.js';
import { OPENAPI_EXTENSIONS } from './openapi-extensions.js';
import type { Operation, Parameter, Responses, Schema } from './openapi-types.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** The request body's component schema, when it is one. */
function bodySchema(op: Operation, doc: OpenAPIObject): Schema | undefined {
  const body = op.requestBody as { content?: Record<string, { schema?: { $ref?: string } }> };
  const ref = body?.content?.['application/json']?.schema?.$ref;
  const schema = ref ? doc.components?.schemas?.[ref.split('/').pop() ?? ''] : undefined;
  return schema && !('$ref' in schema) ? schema : undefined;
}

/**
 * The error statuses every operation of its kind can return, from what it declares: 400
 * with parameters or a body (global validation), 401/403 when secured, 404 with a path id,
 * 413/415 with a body, 409 when the body carries the `version` read (stale write).
 */
function commonProblems(op: Operation, method: string, doc: OpenAPIObject): number[] {
  const params = (op.parameters ?? []) as Parameter[];
  // Every operation can fail (500) or find PostgreSQL unreachable (503 with Retry-After);
  // any request that may carry a body can send malformed JSON (400), too much of it (413)
  // or an unsupported media type (415), whether or not the operation expects one.
  const statuses = [500, 503];
  const mayCarryBody = method !== 'get';
  if (params.length > 0 || op.requestBody || mayCarryBody) statuses.push(400);
  if ((op.security ?? []).length > 0) statuses.push(401, 403);
  if (params.some((p) => p.in === 'path')) statuses.push(404);
  if (op.requestBody || mayCarryBody) statuses.push(413, 415);
  // A body naming records that do not fit (unknown services, a supplier that is not one…).
  if (op.requestBody) statuses.push(422);
  if (bodySchema(op, doc)?.required?.includes('version')) statuses.push(409);
  return statuses;
}

function addProblem(responses: Responses, status: number): void {
  if (responses[status]) return;
  responses[status] = {
    description: PROBLEM_DESCRIPTIONS[status] ?? 'Problem',
    content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: PROBLEM_REF } } },
  };
}

/**
 * Finishes the generated document: the `Problem` component and each operation's common
 * error responses, plus the extensions modules register (lifecycles, webhook events).
 */
export function completeOpenApiDocument(doc: OpenAPIObject): OpenAPIObject {
  doc.components ??= {};
  doc.components.schemas = { ...doc.components.schemas, Problem: PROBLEM_SCHEMA };
  applyValidationConstraints(doc);
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      for (const status of commonProblems(op, method, doc)) addProblem(op.responses, status);
      for (const param of (op.parameters ?? []) as Parameter[]) {
        // Path ids go through ParseUuidPipe; one that takes something else says so (ApiParam).
        if (param.in === 'path' && /^(id|\w+Id)$/.test(param.name) && !param.description)
          param.schema = { type: 'string', format: 'uuid' };
      }
      const lifecycle = (op as unknown as Record<string, unknown>)['x-transitions'];
      if (lifecycle)
        op.description = [op.description, renderLifecycle(lifecycle as TransitionsExtension)]
          .filter(Boolean)
          .join('\n\n');
      for (const extend of OPENAPI_EXTENSIONS) extend(op, method, path, doc);
    }
  }
  return doc;
}
