import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsString, Max, ValidateNested } from 'class-validator';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Public } from '../src/common/http/public.decorator.js';
import { startTestApi, type TestApi } from './support/test-app.js';

class ContactDto {
  @IsString() name: string;
  @IsEmail() email: string;
}
class ProbeDto {
  @IsInt() @Max(10) count: number;
  @ValidateNested({ each: true }) @Type(() => ContactDto) contacts: ContactDto[];
}

/** Test-only routes: one that throws, one that validates. */
@Public()
@Controller('test-faults')
class FaultController {
  @Get('boom')
  boom(): never {
    throw new Error('secret internal detail at /srv/app/boom.ts:12');
  }
  @Post('validate')
  validate(@Body() body: ProbeDto) {
    return body;
  }
}
@Module({ controllers: [FaultController] })
class FaultModule {}

describe('HTTP basics: one problem+json shape for every error', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({}, [FaultModule]);
  });
  afterAll(() => api.close());

  const expectProblem = (
    res: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
    status: number,
    code: string,
  ) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, code, type: `urn:ptrack:problem:${code}` });
    expect(typeof res.body.title).toBe('string');
    expect(typeof res.body.detail).toBe('string');
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  };

  it('unknown route → 404 problem+json', async () => {
    const res = await api.http().get('/api/v1/no-such-thing');
    expectProblem(res, 404, 'route_not_found');
  });

  it('malformed JSON → 400 problem+json', async () => {
    const res = await api
      .http()
      .post('/api/v1/test-faults/validate')
      .set('content-type', 'application/json')
      .send('{"count": 1,');
    expectProblem(res, 400, 'malformed_json');
  });

  it('a 2 MiB body → 413 problem+json', async () => {
    const big = JSON.stringify({ count: 1, pad: 'x'.repeat(2 * 1024 * 1024) });
    const res = await api
      .http()
      .post('/api/v1/test-faults/validate')
      .set('content-type', 'application/json')
      .send(big);
    expectProblem(res, 413, 'payload_too_large');
  });

  it('a thrown error → 500 with an error id and no stack or internals', async () => {
    const res = await api.http().get('/api/v1/test-faults/boom');
    expectProblem(res, 500, 'internal_error');
    expect(res.body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.detail).toContain(String(res.body.errorId));
    expect(JSON.stringify(res.body)).not.toMatch(/secret internal|boom\.ts|at \//);
  });

  it('validation errors → 400 with field paths, nested and unknown fields included', async () => {
    const res = await api
      .http()
      .post('/api/v1/test-faults/validate')
      .send({ count: 99, contacts: [{ name: 'A', email: 'not-an-email' }], role: 'admin' });
    expectProblem(res, 400, 'validation_failed');
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['contacts[0].email', 'count', 'role']);
  });

  it('valid input passes through the whitelist', async () => {
    const res = await api
      .http()
      .post('/api/v1/test-faults/validate')
      .send({ count: 2, contacts: [] });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ count: 2, contacts: [] });
  });

  it('echoes a caller-supplied request id and generates one otherwise', async () => {
    const given = await api.http().get('/health/live').set('x-request-id', 'trace-abc.123');
    expect(given.headers['x-request-id']).toBe('trace-abc.123');
    const generated = await api
      .http()
      .get('/health/live')
      .set('x-request-id', 'bad id with spaces');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers (helmet): the strictest CSP on the api, a Swagger-friendly one on /docs', async () => {
    const res = await api.http().get('/health/live');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'none';frame-ancestors 'none'",
    );
    const docs = await api.http().get('/docs');
    expect(docs.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
    expect(docs.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers no CORS headers when no origins are configured', async () => {
    const res = await api
      .http()
      .options('/api/v1/services')
      .set('origin', 'https://elsewhere.example')
      .set('access-control-request-method', 'GET');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('HTTP basics: CORS for configured origins', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ CORS_ORIGINS: 'https://portal.example' });
  });
  afterAll(() => api.close());

  it('allows a configured origin and no other', async () => {
    const preflight = (origin: string) =>
      api
        .http()
        .options('/api/v1/services')
        .set('origin', origin)
        .set('access-control-request-method', 'GET');
    const allowed = await preflight('https://portal.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://portal.example');
    const other = await preflight('https://elsewhere.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
