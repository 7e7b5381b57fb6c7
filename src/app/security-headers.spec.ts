import { describe, expect, it } from '@jest/globals';
import { DOCS_HELMET_OPTIONS, securityHeaders } from './security-headers.js';

describe('securityHeaders', () => {
  it("computes the API's headers once: OWASP's set for REST APIs, the strictest CSP", () => {
    const headers = securityHeaders();
    expect(headers).toEqual({
      'content-security-policy': "default-src 'none';frame-ancestors 'none'",
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
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
