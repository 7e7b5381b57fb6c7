import { HttpException } from '@nestjs/common';

export interface FieldError {
  /** Path of the offending field, e.g. `contacts[0].email`, or a JSON pointer for payloads. */
  field: string;
  message: string;
}

/**
 * The one error type services throw: an HTTP status, a stable machine-readable code,
 * a human detail and optional extension members. Rendered as RFC 9457 problem details.
 */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    detail: string,
    readonly extensions: Record<string, unknown> & { errors?: FieldError[] } = {},
  ) {
    super(detail, status);
  }

  static notFound(entity: string, id?: string): ProblemException {
    return new ProblemException(
      404,
      'not_found',
      id ? `${entity} ${id} not found` : `${entity} not found`,
    );
  }

  static conflict(code: string, detail: string, extensions: Record<string, unknown> = {}) {
    return new ProblemException(409, code, detail, extensions);
  }

  static staleVersion(entity: string, current: number): ProblemException {
    return new ProblemException(
      409,
      'stale_version',
      `${entity} was changed by someone else; reload it (current version ${current}) and retry`,
      { currentVersion: current },
    );
  }

  static badRequest(code: string, detail: string, errors?: FieldError[]): ProblemException {
    return new ProblemException(400, code, detail, errors ? { errors } : {});
  }

  /** The 400 the ValidationPipe gives, for field checks a DTO cannot express. */
  static invalidFields(errors: FieldError[]): ProblemException {
    return ProblemException.badRequest(
      'validation_failed',
      `${errors.length} field(s) failed validation`,
      errors,
    );
  }

  static unprocessable(code: string, detail: string, extensions: Record<string, unknown> = {}) {
    return new ProblemException(422, code, detail, extensions);
  }
}
