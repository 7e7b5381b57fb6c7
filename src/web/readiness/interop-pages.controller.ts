import { Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow } from '../../auth/access.decorators.js';
import { InteropTestsService } from '../../interop/interop-tests.service.js';
import { PageController } from '../page.decorator.js';
import { render } from '../page-request.js';
import { PROGRAMME_READERS as PROGRAMME } from '../page-roles.js';

export const RESULT_TAG: Record<string, string> = {
  passed: 'govuk-tag--green',
  failed: 'govuk-tag--red',
  partially_verified: 'govuk-tag--yellow',
};

/**
 * The "tested together" matrix: standards with records, a standard's matrix (parties as
 * rows and columns, each cell the latest result of the pair and its date, retest due
 * tagged) and one test record with its cases. Read through InteropTestsService.
 */
@PageController('programme/interop')
export class ProgrammeInteropController {
  constructor(private readonly interop: InteropTestsService) {}

  @Get()
  @Allow(...PROGRAMME)
  async list(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return render(req, reply, 'readiness/interop.njk', {
      standards: await this.interop.standards(),
    });
  }

  @Get('standards/:id')
  @Allow(...PROGRAMME)
  async matrix(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const matrix = await this.interop.matrix(id);
    const cell = new Map<string, (typeof matrix.cells)[number]>();
    for (const c of matrix.cells) {
      cell.set(`${c.partyAId}|${c.partyBId}`, c);
      cell.set(`${c.partyBId}|${c.partyAId}`, c);
    }
    const rows = matrix.parties.map((row) => ({
      party: row,
      cells: matrix.parties.map((col) => ({
        self: row.id === col.id,
        party: col,
        cell: cell.get(`${row.id}|${col.id}`) ?? null,
      })),
    }));
    return render(req, reply, 'readiness/interop-matrix.njk', {
      matrix,
      rows,
      resultTag: RESULT_TAG,
      retestDue: matrix.cells.filter((c) => c.retestDue).length,
    });
  }

  @Get('tests/:id')
  @Allow(...PROGRAMME)
  async test(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return render(req, reply, 'readiness/interop-test.njk', {
      test: await this.interop.get(id),
      resultTag: RESULT_TAG,
    });
  }
}
