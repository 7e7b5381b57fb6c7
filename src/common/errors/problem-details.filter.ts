import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { ProblemException } from './problem.exception.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

/** Fastify's own errors (body parsing, limits) that reach Nest's error layer. */
const FASTIFY_CODES: Record<string, { status: number; code: string; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'malformed_json',
    detail: 'The request body is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'malformed_json',
    detail: 'The JSON request body is empty',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'payload_too_large',
    detail: 'The request body exceeds the size limit',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    detail: 'Unsupported Content-Type',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'bad_request',
    detail: 'Content-Length does not match the body',
  },
};

function fastifyError(exception: unknown) {
  const e = exception as { code?: string; cause?: { code?: string } } | null;
  const code = e?.code ?? e?.cause?.code;
  return code ? FASTIFY_CODES[code] : undefined;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  requestId: string;
  [extension: string]: unknown;
}

/**
 * Renders every error as RFC 9457 problem details (`application/problem+json`).
 * Unknown errors become a 500 carrying an error id that is logged with the stack;
 * the stack never reaches the client.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const body = this.toProblem(exception, req);
    if (reply.sent) return;
    if (typeof body.retryAfterSeconds === 'number')
      void reply.header('retry-after', body.retryAfterSeconds);
    if (body.status === 401) void reply.header('www-authenticate', 'Bearer');
    void reply.status(body.status).type('application/problem+json').send(body);
  }

  toProblem(exception: unknown, req: FastifyRequest): ProblemBody {
    // Extension members never override the standard ones.
    const base = (status: number, code: string, detail: string, ext: object = {}): ProblemBody => ({
      ...ext,
      type: `urn:ptrack:problem:${code}`,
      title: TITLES[status] ?? 'Error',
      status,
      detail,
      code,
      instance: req.url,
      requestId: String(req.id),
    });

    if (exception instanceof ProblemException) {
      return base(exception.getStatus(), exception.code, exception.message, exception.extensions);
    }
    const fastify = fastifyError(exception);
    if (fastify) return base(fastify.status, fastify.code, fastify.detail);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response && 'message' in response
          ? (response as { message: unknown }).message
          : exception.message;
      const detail = Array.isArray(message) ? message.join('; ') : String(message);
      const code =
        status === 404 && detail.startsWith('Cannot ') ? 'route_not_found' : CODES[status];
      if (code) return base(status, code, detail);
    }
    if (exception instanceof QueryFailedError) {
      const pgCode = (exception.driverError as { code?: string }).code;
      if (pgCode === '23505')
        return base(409, 'duplicate', 'A record with the same unique key already exists');
      if (pgCode === '23503') {
        return base(422, 'unknown_reference', 'A referenced record does not exist');
      }
      if (pgCode === '40001')
        return base(409, 'serialization_conflict', 'Concurrent change; retry the request');
    }
    const status = (exception as { statusCode?: number } | null)?.statusCode;
    if (status && status >= 400 && status < 500) {
      return base(status, CODES[status] ?? 'bad_request', TITLES[status] ?? 'Bad request');
    }
    const errorId = randomUUID();
    req.log.error({ errorId, err: exception }, 'unhandled error');
    return base(500, 'internal_error', `An unexpected error occurred (error id ${errorId})`, {
      errorId,
    });
  }
}
