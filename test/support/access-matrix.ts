import type { TestApi } from './test-app.js';
import { PRINCIPALS, type Principal, type PrincipalName } from './principals.js';

/** What a matrix case can use: the signed-in principals, shared fixtures, the app. */
export interface MatrixContext {
  api: TestApi;
  p: Record<PrincipalName, Principal>;
  /** Ids created by the modules' `setup` (e.g. `fixtures.serviceId`). */
  fixtures: Record<string, string>;
}

/**
 * One row of the authorization matrix: a route as the router knows it
 * (`'GET /api/v1/suppliers/:id'`), how to call it for a principal, and the status
 * every principal must get. For routes that change data, give authorized principals a
 * body that fails validation (400: proves the guard let them through without changing
 * anything) and check other tenants' ids with a valid body (404).
 */
export interface MatrixCase {
  route: string;
  label?: string;
  path: (ctx: MatrixContext, who: Principal) => string;
  body?: (ctx: MatrixContext, who: Principal) => object;
  expect: Record<PrincipalName, number>;
}

/** A module's slice of the matrix: fixtures to create once, then its cases. */
export interface MatrixModule {
  setup?: (ctx: MatrixContext) => Promise<void>;
  cases: MatrixCase[];
}

/**
 * Builds an expectation: anonymous → 401, everyone named → their status, the rest →
 * `otherwise` (403 unless given).
 */
export function statuses(
  given: Partial<Record<PrincipalName | 'otherwise', number>>,
): Record<PrincipalName, number> {
  const otherwise = given.otherwise ?? 403;
  return Object.fromEntries(
    PRINCIPALS.map((n) => [n, given[n] ?? (n === 'anonymous' ? 401 : otherwise)]),
  ) as Record<PrincipalName, number>;
}

/** Shorthands for common groups. */
export const ALL_SIGNED_IN = [
  'admin',
  'viewer',
  'supplierA',
  'supplierB',
  'supplierAToken',
  'councilX',
  'councilY',
  'agency',
] as const;
export const every = (status: number, names: readonly PrincipalName[] = ALL_SIGNED_IN) =>
  Object.fromEntries(names.map((n) => [n, status])) as Partial<Record<PrincipalName, number>>;
