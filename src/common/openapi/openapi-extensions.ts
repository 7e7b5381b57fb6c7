import type { OpenAPIObject } from '@nestjs/swagger';
import type { Operation } from './openapi-types.js';

export type OpenApiExtension = (
  op: Operation,
  method: string,
  path: string,
  doc: OpenAPIObject,
) => void;

/** Document finishers registered by modules (e.g. lifecycle maps rendered into operations). */
export const OPENAPI_EXTENSIONS: OpenApiExtension[] = [];
