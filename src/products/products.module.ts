import { Module } from '@nestjs/common';
import { ProductLifecycleService } from './product-lifecycle.service.js';
import { ProductStore } from './product-store.service.js';
import { ProductsController } from './products.controller.js';
import { ProductsRepository } from './products.repository.js';
import { ProductsService } from './products.service.js';

/** L3: suppliers' products, the services they claim, and their publication lifecycle. */
@Module({
  controllers: [ProductsController],
  providers: [ProductsRepository, ProductStore, ProductsService, ProductLifecycleService],
  exports: [ProductStore, ProductsService, ProductLifecycleService],
})
export class ProductsModule {}
