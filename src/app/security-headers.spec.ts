import { describe, expect, it } from '@jest/globals';
import { DOCS_HELMET_OPTIONS, securityHeaders } from './security-headers.js';

describe('securityHeaders', () => {
  it("computes helmet's headers once, with the strictest CSP for JSON responses", () => {
    const headers = securityHeaders();
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'content-security-policy': "default-src 'none';frame-ancestors 'none'",
    });
  });

  it('gives the Swagger UI a CSP that lets its own scripts and styles run', () => {
    const headers = securityHeaders(DOCS_HELMET_OPTIONS);
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    const csp = headers['content-security-policy'].split(';');
    expect(csp).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "object-src 'none'",
      ]),
    );
    expect(headers['x-powered-by']).toBeUndefined();
  });

  it('follows the options given (a disabled header is left out)', () => {
    const headers = securityHeaders({ contentSecurityPolicy: false, xFrameOptions: false });
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['x-frame-options']).toBeUndefined();
    expect(headers['x-content-type-options']).toBe('nosniff');
  });
});
