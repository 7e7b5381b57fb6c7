import { type DynamicModule, Module } from '@nestjs/common';
import { DOMAIN_MODULES } from '../../app/domain-modules.js';
import type { AppConfig } from '../../config/app-config.js';
import { ConfigModule } from '../../config/config.module.js';
import { QueueModule } from '../../queue/queue.module.js';
import { DatabaseModule } from '../database.module.js';
import { SeedService } from './seed.service.js';

@Module({})
export class SeedModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SeedModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, QueueModule, ...DOMAIN_MODULES],
      providers: [SeedService],
    };
  }
}
