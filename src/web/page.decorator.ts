import { applyDecorators, Controller, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PageAccess } from '../auth/access.decorators.js';
import { PageErrorFilter } from './page-error.filter.js';

/**
 * A controller of portal pages: its routes take the user from the session (the
 * AccessGuard then applies `@Allow` / `@Public` as for the API, deny by default), render
 * errors as HTML pages, and stay out of the OpenAPI document.
 */
export const PageController = (prefix = '') =>
  applyDecorators(
    Controller(prefix),
    ApiExcludeController(),
    PageAccess(),
    UseFilters(PageErrorFilter),
  );
