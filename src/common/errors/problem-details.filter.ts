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
  414: 'URI Too Long',
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
  FST_ERR_BAD_URL: {
    status: 400,
    code: 'bad_url',
    detail: 'The URL is not valid (bad percent-encoding)',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: 'uri_too_long',
    detail: 'A path parameter is longer than the router accepts',
  },
};

/** Seconds a client is told to wait when the database cannot be reached. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

const CONNECTION_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);
/** admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection timeout|Connection is closed/i;

/**
 * A PostgreSQL connection failure (refused, dropped, timed out, server shutting down,
 * pool exhausted): the request may succeed later, so 503 with Retry-After, not 500.
 */
export function isDatabaseUnavailable(exception: unknown): boolean {
  const seen = new Set<unknown>();
  let e = exception as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
  };
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    const code = typeof e.code === 'string' ? e.code : '';
    if (CONNECTION_ERRNOS.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08'))
      return true;
    if (typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message)) return true;
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return false;
}

/** pg data errors a DTO should have caught; a 400 naming the column, never a 500. */
const DATA_SQLSTATES: Record<string, string> = {
  '22001': 'is too long',
  '22003': 'is out of range',
  '22007': 'is not a valid date or time',
  '22008': 'is not a valid date or time',
  '22021': 'holds a character PostgreSQL cannot store',
  '22P02': 'has the wrong type',
  '22P05': 'holds a character PostgreSQL cannot store',
  '23502': 'must not be null',
};

const camel = (column: string): string =>
  column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

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
          ? response.message
          : exception.message;
      const detail = Array.isArray(message) ? message.join('; ') : String(message);
      const code =
        status === 404 && detail.startsWith('Cannot ') ? 'route_not_found' : CODES[status];
      if (code) return base(status, code, detail);
    }
    if (isDatabaseUnavailable(exception)) {
      req.log.warn({ err: exception }, 'database unavailable');
      return base(503, 'service_unavailable', 'The database is unavailable; retry shortly', {
        retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
      });
    }
    if (exception instanceof QueryFailedError) {
      const driver = exception.driverError as { code?: string; column?: string };
      const pgCode = driver.code;
      const dataProblem = pgCode ? DATA_SQLSTATES[pgCode] : undefined;
      if (dataProblem) {
        const field = driver.column ? camel(driver.column) : 'body';
        return base(400, 'validation_failed', `${field} ${dataProblem}`, {
          errors: [{ field, message: `${field} ${dataProblem}` }],
        });
      }
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
