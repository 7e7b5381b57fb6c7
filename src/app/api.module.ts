import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { QueueDashboardModule } from '../admin/queue-dashboard.module.js';
import { AppConfig } from '../config/app-config.js';
import { ConfigModule } from '../config/config.module.js';
import { ProblemDetailsFilter } from '../common/errors/problem-details.filter.js';
import { validationException } from '../common/errors/validation-errors.js';
import { GuardedValidationPipe } from '../common/input/guarded-validation.pipe.js';
import { DatabaseModule } from '../database/database.module.js';
import { HealthModule } from '../health/health.module.js';
import { QueueModule } from '../queue/queue.module.js';
import { WebModule } from '../web/web.module.js';
import { DOMAIN_MODULES } from './domain-modules.js';

/** The HTTP api process: controllers only; it never runs jobs. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, extraModules: Type[] = []): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        QueueModule,
        HealthModule,
        ...DOMAIN_MODULES,
        QueueDashboardModule,
        WebModule,
        ...extraModules,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        {
          provide: APP_PIPE,
          useValue: new GuardedValidationPipe({
            whitelist: true,
            forbidNonWhitelisted: true,
            transform: true,
            exceptionFactory: validationException,
          }),
        },
      ],
    };
  }
}
