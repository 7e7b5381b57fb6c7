import { Module } from '@nestjs/common';
import { ToolkitFileBlobsRepository } from './toolkit-file-blobs.repository.js';
import { ToolkitStorage } from './toolkit-file-store.js';
import { ToolkitFilesRepository } from './toolkit-files.repository.js';
import { ToolkitsController } from './toolkits.controller.js';
import { ToolkitsSeeder } from './toolkits.seeder.js';
import { ToolkitsRepository } from './toolkits.repository.js';
import { ToolkitsService } from './toolkits.service.js';

/** L3: developer toolkits per service, versioned releases, files and their downloads. */
@Module({
  controllers: [ToolkitsController],
  providers: [
    ToolkitsRepository,
    ToolkitFilesRepository,
    ToolkitFileBlobsRepository,
    ToolkitsService,
    ToolkitStorage,
    ToolkitsSeeder,
  ],
  exports: [ToolkitsSeeder, ToolkitsService],
})
export class ToolkitsModule {}
