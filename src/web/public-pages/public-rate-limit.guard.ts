import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { sha256Hex } from '../../common/crypto/secret-box.js';
import { ProblemException } from '../../common/errors/problem.exception.js';
import { AppConfig } from '../../config/app-config.js';
import { InjectRedis } from '../../queue/app-redis.js';

const WINDOW_SECONDS = 60;

/**
 * Per-IP limit on the public pages and open-data files, counted in Redis so every api
 * replica shares it (the login throttle's approach): a fixed one-minute window per IP, one
 * pipelined INCR + EXPIRE per request. Over PUBLIC_RATE_PER_IP_PER_MINUTE → 429 page with
 * Retry-After (seconds to the end of the window). When Redis is away the limit is skipped
 * with a warning rather than taking the public pages down.
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  private readonly log = new Logger(PublicRateLimitGuard.name);

  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const now = Math.floor(Date.now() / 1000);
    const window = Math.floor(now / WINDOW_SECONDS);
    const key = `${this.config.QUEUE_PREFIX}:public:ip:${sha256Hex(req.ip)}:${window}`;
    let count: number;
    try {
      const result = await this.redis.multi().incr(key).expire(key, WINDOW_SECONDS).exec();
      count = Number(result?.[0]?.[1] ?? 0);
    } catch (err) {
      this.log.warn(`public rate limit unavailable: ${(err as Error).message}`);
      return true;
    }
    if (count <= this.config.PUBLIC_RATE_PER_IP_PER_MINUTE) return true;
    const retryAfter = (window + 1) * WINDOW_SECONDS - now;
    void http.getResponse<FastifyReply>().header('retry-after', String(retryAfter));
    throw new ProblemException(
      429,
      'too_many_requests',
      `Too many requests; retry in ${retryAfter} s`,
      {
        retryAfterSeconds: retryAfter,
      },
    );
  }
}
