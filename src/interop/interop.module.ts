import { Module } from '@nestjs/common';
import { InteropRetestSubscriber } from './interop-retest.subscriber.js';
import { InteropTestsRepository } from './interop-tests.repository.js';
import { InteropTestsController } from './interop-tests.controller.js';
import { InteropTestsService } from './interop-tests.service.js';
import { InteropSeeder } from './interop.seeder.js';

/** L3: tested-together records between products and shared services, per standard. */
@Module({
  controllers: [InteropTestsController],
  providers: [InteropTestsRepository, InteropTestsService, InteropRetestSubscriber, InteropSeeder],
  exports: [InteropSeeder, InteropTestsService],
})
export class InteropModule {}
