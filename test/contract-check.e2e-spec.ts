import { Controller, Get, HttpCode, Module } from '@nestjs/common';
import { ApiOkResponse, ApiProperty } from '@nestjs/swagger';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import supertest from 'supertest';
import { createApi } from '../src/app/bootstrap.js';
import { Public } from '../src/common/http/public.decorator.js';
import { loadConfig } from '../src/config/app-config.js';
import { ContractCheck, ContractValidator } from './support/contract.js';

class ProbeViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['open', 'closed'] })
  status: string;
}

/** Routes whose responses break their own documentation in each way the check looks for. */
@Public()
@Controller('contract-probe')
class ContractProbeController {
  @Get('right')
  @ApiOkResponse({ type: ProbeViewDto })
  right() {
    return { id: '0b7c5a1e-8a4f-4c7e-9a53-2f0f3a0d9e11', status: 'open' };
  }

  @Get('wrong-body')
  @ApiOkResponse({ type: ProbeViewDto })
  wrongBody() {
    return { id: 'not-a-uuid', status: 'pending' };
  }

  @Get('wrong-status')
  @HttpCode(202)
  @ApiOkResponse({ type: ProbeViewDto })
  wrongStatus() {
    return { id: '0b7c5a1e-8a4f-4c7e-9a53-2f0f3a0d9e11', status: 'open' };
  }
}
@Module({ controllers: [ContractProbeController] })
class ContractProbeModule {}

describe('the contract check fails on responses that do not match /docs-json', () => {
  let app: Awaited<ReturnType<typeof createApi>>['app'];
  let http: supertest.Agent;
  const check = new ContractCheck();

  beforeAll(async () => {
    ({ app } = await createApi(loadConfig(process.env), [ContractProbeModule]));
    check.attach(app.getHttpAdapter().getInstance());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    http = supertest.agent(app.getHttpServer());
  });
  afterAll(() => app.close());

  it('passes a response that matches, and names each one that does not', async () => {
    await http.get('/api/v1/contract-probe/right').expect(200);
    await http.get('/api/v1/contract-probe/wrong-body').expect(200);
    await http.get('/api/v1/contract-probe/wrong-status').expect(202);
    await http.get('/api/v1/risks/0b7c5a1e-8a4f-4c7e-9a53-2f0f3a0d9e11').expect(401);
    expect(check.recorded).toBe(4);
    const failure = await check.verify(http).then(
      () => null,
      (err: Error) => err.message,
    );
    expect(failure).not.toBeNull();
    expect(failure).toContain(
      'GET /api/v1/contract-probe/wrong-body -> 200: /id must match format "uuid"',
    );
    expect(failure).toContain('/status must be equal to one of the allowed values');
    expect(failure).toContain(
      'GET /api/v1/contract-probe/wrong-status -> 202: status 202 is not documented',
    );
    expect(failure).not.toContain('/right');
    expect(failure).not.toContain('/risks/');
  });

  it('checks the content type and the problem body of errors against the document', async () => {
    const doc = (await http.get('/docs-json').expect(200)).body as Record<string, unknown>;
    const validator = new ContractValidator(doc);
    const at = { method: 'GET', route: '/api/v1/risks/:id', url: '/api/v1/risks/x' };
    expect(
      validator.check({ ...at, status: 200, contentType: 'text/plain', body: 'hello' }),
    ).toEqual([expect.stringContaining('content type text/plain not documented')]);
    expect(
      validator.check({
        ...at,
        status: 404,
        contentType: 'application/problem+json',
        body: { status: 404, code: 'not_found' },
      }),
    ).toEqual(
      expect.arrayContaining([expect.stringContaining("must have required property 'type'")]),
    );
    expect(
      validator.check({
        method: 'GET',
        route: '/api/v1/services',
        url: '/api/v1/services',
        status: 200,
        contentType: 'application/json',
        body: { data: [], meta: { page: 1, limit: 50 } },
      }),
    ).toEqual([expect.stringContaining("/meta must have required property 'total'")]);
  });
});
