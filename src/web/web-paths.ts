import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root (the directory holding package.json), found from this file whether it
 * runs compiled (dist/src/web) or as source under ts-jest (src/web). Views and message
 * catalogues are read from src/web, not copied into dist.
 */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above src/web');
    dir = up;
  }
  return dir;
}

const ROOT = projectRoot();
export const VIEWS_DIR = join(ROOT, 'src/web/views');
export const LOCALES_DIR = join(ROOT, 'src/web/locales');
export const PUBLIC_DIR = join(ROOT, 'src/web/public');
export const GOVUK_DIST = join(ROOT, 'node_modules/govuk-frontend/dist');

/**
 * Paths served by the portal rather than the JSON api. Everything else (the api under
 * /api/v1, health, the OpenAPI docs, the queue dashboard) keeps the api's headers and
 * problem+json errors.
 */
const NOT_PAGES = /^\/(api\/|health\/|docs|admin\/queues)/;
export const isPagePath = (url: string): boolean => !NOT_PAGES.test(url);

/** Page routes, excluded from the api's /api/v1 prefix (Nest path syntax). */
export const PAGE_ROUTE_PATTERNS = [
  '/',
  'sign-in',
  'sign-out',
  'language',
  'council',
  'council/{*rest}',
  'benefit-register',
  'benefit-register/{*rest}',
  'supplier',
  'supplier/{*rest}',
  'programme',
  'programme/{*rest}',
  'verify-certificate',
  'verify-certificate/{*rest}',
  'public',
  'public/{*rest}',
  'open-data',
  'open-data/{*rest}',
];
