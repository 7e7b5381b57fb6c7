import { Inject, type Provider } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { redisOptions } from './redis-connection.js';

export const APP_REDIS = Symbol('APP_REDIS');

/** Injects the shared fail-fast Redis client (rate limits and other ephemeral state). */
export const InjectRedis = () => Inject(APP_REDIS);

export const appRedisProvider: Provider = {
  provide: APP_REDIS,
  inject: [AppConfig],
  useFactory: (config: AppConfig) => {
    const client = new Redis(redisOptions(config.REDIS_URL, 'producer'));
    client.on('error', () => undefined); // callers handle failures per command
    return client;
  },
};
