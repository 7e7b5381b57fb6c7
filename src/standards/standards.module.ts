import { Module } from '@nestjs/common';
import { SchemaValidator } from './schema-validator.js';
import { StandardValidationService } from './standard-validation.service.js';
import { StandardsController } from './standards.controller.js';
import { StandardsSeeder } from './standards.seeder.js';
import { StandardsRepository } from './standards.repository.js';
import { StandardsService } from './standards.service.js';

/** L2: interoperability and data standards with testable JSON Schemas. */
@Module({
  controllers: [StandardsController],
  providers: [
    StandardsService,
    StandardsRepository,
    StandardValidationService,
    SchemaValidator,
    StandardsSeeder,
  ],
  exports: [StandardsSeeder, StandardValidationService, StandardsService],
})
export class StandardsModule {}
