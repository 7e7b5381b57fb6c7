import { Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { sha256Hex } from '../common/crypto/secret-box.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { InjectRedis } from '../queue/app-redis.js';

const FREE_FAILURES = 5;
const MAX_LOCK_SECONDS = 900;

/**
 * Login throttling in Redis, keyed by IP and by email hash (known or not, so it reveals
 * nothing): at most N attempts per IP per minute; after 5 failures an email must wait
 * 2^(failures-5) seconds (max 15 min) between attempts. When Redis is away the
 * throttle is skipped with a warning rather than locking everyone out.
 */
@Injectable()
export class LoginThrottle {
  private readonly log = new Logger(LoginThrottle.name);

  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  private key(kind: string, id: string): string {
    return `${this.config.QUEUE_PREFIX}:login:${kind}:${sha256Hex(id)}`;
  }

  async check(ip: string, email: string): Promise<void> {
    try {
      const ipKey = this.key('ip', ip);
      const [[, ipCount], [, failures], [, lastFailure]] = (await this.redis
        .multi()
        .incr(ipKey)
        .hget(this.key('acct', email), 'failures')
        .hget(this.key('acct', email), 'last')
        .exec()) as [unknown, unknown][];
      if (Number(ipCount) === 1) await this.redis.expire(ipKey, 60);
      if (Number(ipCount) > this.config.LOGIN_RATE_PER_IP_PER_MINUTE) {
        throw this.tooMany(60, 'Too many login attempts from this address');
      }
      const excess = Number(failures ?? 0) - FREE_FAILURES;
      if (excess >= 0) {
        const wait = Math.min(2 ** excess, MAX_LOCK_SECONDS);
        const remaining = Math.ceil(Number(lastFailure) / 1000 + wait - Date.now() / 1000);
        if (remaining > 0)
          throw this.tooMany(remaining, 'Too many failed attempts for this account');
      }
    } catch (err) {
      if (err instanceof ProblemException) throw err;
      this.log.warn(`login throttle unavailable: ${(err as Error).message}`);
    }
  }

  async recordFailure(email: string): Promise<void> {
    const key = this.key('acct', email);
    await this.redis
      .multi()
      .hincrby(key, 'failures', 1)
      .hset(key, 'last', Date.now())
      .expire(key, MAX_LOCK_SECONDS * 2)
      .exec()
      .catch((err: Error) => this.log.warn(`login throttle unavailable: ${err.message}`));
  }

  async reset(email: string): Promise<void> {
    await this.redis.del(this.key('acct', email)).catch(() => undefined);
  }

  private tooMany(seconds: number, detail: string): ProblemException {
    return new ProblemException(429, 'too_many_attempts', `${detail}; retry in ${seconds} s`, {
      retryAfterSeconds: seconds,
    });
  }
}
