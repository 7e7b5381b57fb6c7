import { Controller, Get, Header, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { Public } from '../common/http/public.decorator.js';
import { PageQueryDto } from '../common/pagination/page-query.dto.js';
import { AcknowledgementsService } from './acknowledgements.service.js';
import { AcknowledgeLinkQueryDto } from './dto/acknowledge-link-query.dto.js';

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><h1>${title}</h1><p>${text}</p></body></html>`;

@ApiTags('communications')
@ApiBearerAuth()
@Controller('communications')
export class AcknowledgementsController {
  constructor(private readonly acks: AcknowledgementsService) {}

  @Get('acknowledgements/overdue')
  @Allow('programme_admin', 'programme_viewer', 'agency', 'supplier')
  @ApiOperation({ summary: 'Acknowledgements past their date (a supplier sees its own)' })
  overdue(@CurrentActor() actor: Actor, @Query() q: PageQueryDto) {
    return this.acks.overdue(actor, q);
  }

  @Get(':id/acknowledgements')
  @Allow('programme_admin', 'programme_viewer', 'agency')
  @ApiOperation({ summary: 'Every supplier the communication reached, acknowledged or not' })
  list(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: PageQueryDto,
  ) {
    return this.acks.list(actor, id, q);
  }

  @Post(':id/acknowledge')
  @Allow('supplier')
  @ApiOperation({ summary: 'Acknowledge for your organisation (409 when already done)' })
  acknowledge(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.acks.acknowledge(actor, id);
  }

  @Get(':id/acknowledge-link')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'The signed acknowledgement link from an email (idempotent)' })
  async acknowledgeByLink(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: AcknowledgeLinkQueryDto,
  ): Promise<string> {
    const { ack, first } = await this.acks.acknowledgeByLink(id, q);
    const when = new Date(ack.acknowledgedAt).toISOString().slice(0, 16).replace('T', ' ');
    return first
      ? page('Thank you', `Your organisation has acknowledged this communication (${when} UTC).`)
      : page('Already acknowledged', `Your organisation acknowledged this on ${when} UTC.`);
  }
}
