import { Get, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../common/http/public.decorator.js';
import { PublicDataService } from '../../public/public-data.service.js';
import {
  PUBLIC_ADOPTION_FIELDS,
  PUBLIC_CERTIFIED_PRODUCT_FIELDS,
} from '../../public/public-views.js';
import { PageController } from '../page.decorator.js';
import { cachedPage } from './cached-page.js';
import { csvFile, jsonFile, LICENCE, sendFile } from './open-data-files.js';
import { PublicRateLimitGuard } from './public-rate-limit.guard.js';

const DICTIONARY = '/open-data';
const ADOPTION_COLUMNS = Object.keys(PUBLIC_ADOPTION_FIELDS);
const PRODUCT_COLUMNS = Object.keys(PUBLIC_CERTIFIED_PRODUCT_FIELDS);

/**
 * Open data at stable URLs: every adoption and the register of certified products, as CSV
 * and JSON (Open Government Licence v3.0), each built once per change of the data and
 * served with ETag / Last-Modified (304s) and CDN caching headers; and the data
 * dictionary page describing every field.
 */
@PageController('open-data')
@Public()
@UseGuards(PublicRateLimitGuard)
export class OpenDataController {
  constructor(private readonly data: PublicDataService) {}

  @Get()
  dictionary(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const page = { key: 'open-data', path: DICTIONARY, view: 'public/open-data.njk' };
    return cachedPage(req, reply, this.data, page, async () => ({
      licence: LICENCE,
      lastChanged: (await this.data.lastChange()).changedAt,
      files: [
        { name: 'adoptions', fields: ADOPTION_COLUMNS },
        { name: 'certified-products', fields: PRODUCT_COLUMNS },
      ],
    }));
  }

  @Get('adoptions.csv')
  async adoptionsCsv(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { data } = await this.data.memo('adoptions.csv', async () => {
      const { data: rows, lastChange } = await this.data.adoptions();
      return csvFile(rows, ADOPTION_COLUMNS, lastChange);
    });
    return sendFile(req, reply, data, 'adoptions.csv');
  }

  @Get('adoptions.json')
  async adoptionsJson(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { data } = await this.data.memo('adoptions.json', async () => {
      const { data: rows, lastChange } = await this.data.adoptions();
      return jsonFile(rows, DICTIONARY, lastChange);
    });
    return sendFile(req, reply, data, 'adoptions.json');
  }

  @Get('certified-products.csv')
  async productsCsv(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { data } = await this.data.memo('certified-products.csv', async () => {
      const { data: rows, lastChange } = await this.data.certifiedProducts();
      return csvFile(rows, PRODUCT_COLUMNS, lastChange);
    });
    return sendFile(req, reply, data, 'certified-products.csv');
  }

  @Get('certified-products.json')
  async productsJson(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { data } = await this.data.memo('certified-products.json', async () => {
      const { data: rows, lastChange } = await this.data.certifiedProducts();
      return jsonFile(rows, DICTIONARY, lastChange);
    });
    return sendFile(req, reply, data, 'certified-products.json');
  }
}
