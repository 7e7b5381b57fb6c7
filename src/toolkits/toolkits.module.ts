import { Module } from '@nestjs/common';
import { ToolkitStorage } from './toolkit-file-store.js';
import { ToolkitsController } from './toolkits.controller.js';
import { ToolkitsSeeder } from './toolkits.seeder.js';
import { ToolkitsService } from './toolkits.service.js';

/** L3: developer toolkits per service, versioned releases, files and their downloads. */
@Module({
  controllers: [ToolkitsController],
  providers: [ToolkitsService, ToolkitStorage, ToolkitsSeeder],
  exports: [ToolkitsSeeder, ToolkitsService],
})
export class ToolkitsModule {}
