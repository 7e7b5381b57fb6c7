import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * JSON responses: the headers OWASP's REST Security Cheat Sheet asks of an API, through
 * helmet, with the strictest CSP (nothing may load, nothing may frame it). Helmet's
 * headers that only mean something for HTML documents or retired clients (opener policy,
 * origin-agent-cluster, DNS prefetch, IE8 downloads, Flash cross-domain policies, the
 * legacy XSS auditor) are left off: they made every API response ~4× larger.
 */
export const API_HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  },
  xFrameOptions: { action: 'deny' },
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
};

/** The Swagger UI at /docs: helmet's defaults plus a CSP that lets its scripts run. */
export const DOCS_HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-inline'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
    },
  },
};

/**
 * Helmet's response headers, computed once at boot. They never vary per request (no CSP
 * nonces), and @fastify/helmet rebuilt the helmet middleware, re-parsing the CSP, on every
 * request, which halved the api's throughput on GET /health/live.
 */
export function securityHeaders(
  options: HelmetOptions = API_HELMET_OPTIONS,
): Record<string, string> {
  const headers: Record<string, string> = {};
  const collector = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)(
    {} as IncomingMessage,
    collector as unknown as ServerResponse,
    (err?: unknown) => {
      if (err)
        throw err instanceof Error ? err : new Error('security headers failed', { cause: err });
    },
  );
  return headers;
}
