import { Controller, Get, Header, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { Public } from '../common/http/public.decorator.js';
import { PageQueryDto } from '../common/pagination/page-query.dto.js';
import { AcknowledgementsService } from './acknowledgements.service.js';
import { AcknowledgeLinkQueryDto } from './dto/acknowledge-link-query.dto.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { OverdueAcknowledgementViewDto } from './dto/overdue-acknowledgement-view.dto.js';
import { RecipientAckStateViewDto } from './dto/recipient-ack-state-view.dto.js';
import { AcknowledgementViewDto } from './dto/acknowledgement-view.dto.js';
import { ApiContentResponse } from '../common/openapi/api-content-response.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A minimal HTML page; `text` is escaped, `extra` is trusted markup. */
const page = (title: string, text: string, extra = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><h1>${title}</h1><p>${escapeHtml(text)}</p>${extra}</body></html>`;

const minuteUtc = (at: Date | string) => new Date(at).toISOString().slice(0, 16).replace('T', ' ');

@ApiTags('communications')
@ApiBearerAuth()
@Controller('communications')
export class AcknowledgementsController {
  constructor(private readonly acks: AcknowledgementsService) {}

  @ApiPagedResponse(OverdueAcknowledgementViewDto)
  @Get('acknowledgements/overdue')
  @Allow('programme_admin', 'programme_viewer', 'agency', 'supplier')
  @ApiOperation({ summary: 'Acknowledgements past their date (a supplier sees its own)' })
  overdue(@CurrentActor() actor: Actor, @Query() q: PageQueryDto) {
    return this.acks.overdue(actor, q);
  }

  @ApiPagedResponse(RecipientAckStateViewDto)
  @Get(':id/acknowledgements')
  @Allow('programme_admin', 'programme_viewer', 'agency')
  @ApiOperation({ summary: 'Every supplier the communication reached, acknowledged or not' })
  list(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Query() q: PageQueryDto,
  ) {
    return this.acks.list(actor, id, q);
  }

  @ApiCreatedResponse({ type: AcknowledgementViewDto })
  @Post(':id/acknowledge')
  @Allow('supplier')
  @ApiOperation({ summary: 'Acknowledge for your organisation (409 when already done)' })
  @ApiProblems(409)
  acknowledge(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.acks.acknowledge(actor, id);
  }

  @Get(':id/acknowledge-link')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  @ApiProduces('text/html')
  @ApiContentResponse(200, 'text/html', 'A page with a button that acknowledges')
  @ApiOperation({
    summary: 'The signed link from an email: a page with a button that acknowledges',
    description:
      'Opening the link changes nothing (mail scanners open links); the button POSTs to the same URL.',
  })
  async confirmByLink(
    @Param('id', ParseUuidPipe) id: string,
    @Query() q: AcknowledgeLinkQueryDto,
  ): Promise<string> {
    const { supplierName, ack } = await this.acks.describeLink(id, q);
    if (ack) {
      return page(
        'Already acknowledged',
        `${supplierName} acknowledged this communication on ${minuteUtc(ack.acknowledgedAt)} UTC.`,
      );
    }
    return page(
      'Acknowledge this communication',
      `Confirm that ${supplierName} has received and read this communication.`,
      '<form method="post"><button type="submit">Acknowledge</button></form>',
    );
  }

  @Post(':id/acknowledge-link')
  @Public()
  @HttpCode(200)
  @ApiContentResponse(200, 'text/html', 'Thank-you page')
  @ApiContentResponse(409, 'text/html', 'Already acknowledged (an HTML page saying so)')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  @ApiProduces('text/html')
  @ApiOperation({ summary: "The link page's button: acknowledges for the supplier" })
  async acknowledgeByLink(
    @Param('id', ParseUuidPipe) id: string,
    @Query() q: AcknowledgeLinkQueryDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { ack, first } = await this.acks.acknowledgeByLink(id, q, {
      ip: req.ip,
      requestId: String(req.id),
    });
    const when = minuteUtc(ack.acknowledgedAt);
    if (first) {
      return page(
        'Thank you',
        `Your organisation has acknowledged this communication (${when} UTC).`,
      );
    }
    void reply.status(409);
    return page('Already acknowledged', `Your organisation acknowledged this on ${when} UTC.`);
  }
}
