import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../common/http/public.decorator.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { RedisHealthIndicator } from './redis-health.indicator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly postgres: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers HTTP (no dependency checks)' })
  @ApiOkResponse({
    schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } } },
  })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis answer; 503 names what is down' })
  @ApiOkResponse({
    description: 'Both dependencies are up',
    schema: {
      type: 'object',
      properties: {
        status: { type: 'string', enum: ['ok'] },
        info: { type: 'object', additionalProperties: true },
        error: { type: 'object', additionalProperties: true },
        details: { type: 'object', additionalProperties: true },
      },
    },
  })
  @ApiProblems(503)
  async ready() {
    try {
      return await this.health.check([
        () => this.postgres.pingCheck('postgres').withTimeout(1500),
        () => this.redis.pingCheck('redis'),
      ]);
    } catch (err) {
      if (!(err instanceof ServiceUnavailableException)) throw err;
      const result = err.getResponse() as { error?: object; details?: object };
      const down = Object.keys(result.error ?? {});
      throw new ProblemException(
        503,
        'dependency_unavailable',
        `Not ready: ${down.join(', ')} down`,
        {
          down,
          checks: result.details,
        },
      );
    }
  }
}
