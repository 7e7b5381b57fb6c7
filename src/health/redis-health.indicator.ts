import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { redisOptions } from '../queue/redis-connection.js';

/** Pings Redis on a fail-fast connection that reconnects by itself in the background. */
@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly client: Redis;

  constructor(
    config: AppConfig,
    private readonly health: HealthIndicatorService,
  ) {
    this.client = new Redis({ ...redisOptions(config.REDIS_URL, 'probe'), lazyConnect: true });
    this.client.on('error', () => undefined); // state is reported by the check itself
  }

  pingCheck(key: string) {
    return this.health
      .check(key)
      .attempt(async () => {
        if (this.client.status === 'wait') await this.client.connect();
        await this.client.ping();
      })
      .withTimeout(1500);
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
