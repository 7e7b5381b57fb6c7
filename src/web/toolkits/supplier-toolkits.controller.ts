import { Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { ToolkitQueryDto } from '../../toolkits/dto/toolkit-query.dto.js';
import { ToolkitsService } from '../../toolkits/toolkits.service.js';
import { PageController } from '../page.decorator.js';
import { render } from '../page-request.js';
import { sendToolkitFile } from './toolkit-pages.js';

/**
 * Developer toolkits for suppliers: every toolkit, its published releases with their
 * files (size, SHA-256) and download links that record the download for the supplier.
 */
@PageController('supplier/toolkits')
export class SupplierToolkitsController {
  constructor(private readonly toolkits: ToolkitsService) {}

  @Get()
  @Allow('supplier')
  async list(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const page = await this.toolkits.list(actor, plainToInstance(ToolkitQueryDto, { limit: 500 }));
    return render(req, reply, 'toolkits/list.njk', { toolkits: page.data, base: '/supplier' });
  }

  @Get(':id')
  @Allow('supplier')
  async one(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const toolkit = await this.toolkits.get(actor, id);
    return render(req, reply, 'toolkits/one.njk', { toolkit, base: '/supplier' });
  }

  @Get(':id/releases/:releaseId/files/:fileId')
  @Allow('supplier')
  download(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('releaseId', ParseUUIDPipe) releaseId: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendToolkitFile(this.toolkits, actor, { id, releaseId, fileId }, req, reply);
  }
}
