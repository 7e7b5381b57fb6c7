import { createHash } from 'node:crypto';
import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

/**
 * Conditional GET (RFC 9110 §13.1.2): a service answers with `{ etag, body }`, `body`
 * left out when the caller's `If-None-Match` already names `etag` — worked out BEFORE the
 * expensive part, so a 304 costs only what the ETag costs. The controller hands that to
 * `sendConditional`, which sets `ETag` and `Cache-Control: private, no-cache` (revalidate
 * every time; never shared: answers depend on who asks) and turns a missing body into 304.
 *
 *   @ApiConditionalGet()
 *   @Get('x')
 *   async x(@Headers('if-none-match') inm: string | undefined,
 *           @Res({ passthrough: true }) reply: FastifyReply) {
 *     return sendConditional(reply, await this.service.x(inm));
 *   }
 */
export interface Conditional<T> {
  etag: string;
  /** Absent: the caller's copy is current (304). */
  body?: T;
}

/** A weak ETag over the parts that decide the answer (a generation, the filters…). */
export function weakEtag(...parts: (string | number | undefined)[]): string {
  const digest = createHash('sha1')
    .update(parts.map((p) => p ?? '').join('\u0000'))
    .digest('base64url')
    .slice(0, 22);
  return `W/"${digest}"`;
}

/** Does `If-None-Match` (a list, `*`, weak or strong tags) name `etag`? Weak comparison. */
export function ifNoneMatchHits(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return value.split(',').some((t) => opaque(t) === wanted);
}

/** Works out the answer: 304 when `ifNoneMatch` names the ETag, else the body from `body()`. */
export async function conditionally<T>(
  etag: string,
  ifNoneMatch: string | string[] | undefined,
  body: () => Promise<T>,
): Promise<Conditional<T>> {
  return ifNoneMatchHits(ifNoneMatch, etag) ? { etag } : { etag, body: await body() };
}

/** Sets the validator headers; a conditional without a body becomes an empty 304. */
export function sendConditional<T>(reply: FastifyReply, c: Conditional<T>): T | undefined {
  void reply.header('etag', c.etag).header('cache-control', 'private, no-cache');
  if (c.body === undefined) void reply.status(304);
  return c.body;
}

/** OpenAPI: the `If-None-Match` request header and the 304 answer. */
export const ApiConditionalGet = () =>
  applyDecorators(
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'An ETag from an earlier answer: 304 with no body if nothing changed since',
    }),
    ApiResponse({ status: 304, description: 'Not modified: the ETag sent still matches' }),
  );
