import { Module } from '@nestjs/common';
import { PublicDataService } from './public-data.service.js';
import { PublicRepository } from './public.repository.js';

/**
 * L4: what the programme publishes without sign-in — the narrow public views
 * (public-views.ts), the SQL that fills them (public-queries.ts) and the cache that serves
 * them. Read only; used by the public pages and open-data files in src/web/public-pages.
 */
@Module({
  providers: [PublicRepository, PublicDataService],
  exports: [PublicDataService],
})
export class PublicModule {}
