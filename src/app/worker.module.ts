import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { ConfigModule } from '../config/config.module.js';
import { DatabaseModule } from '../database/database.module.js';
import { QueueModule } from '../queue/queue.module.js';
import { WorkerHostModule } from '../queue/worker-host.module.js';
import { DOMAIN_MODULES } from './domain-modules.js';

/** The worker process: queue processors and schedulers, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, extraModules: Type[] = []): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        QueueModule,
        ...DOMAIN_MODULES,
        ...extraModules,
        WorkerHostModule,
      ],
    };
  }
}
