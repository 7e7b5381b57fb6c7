import { Get, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow } from '../../auth/access.decorators.js';
import { AuditService } from '../../audit/audit.service.js';
import { AuditEventQueryDto } from '../../audit/dto/audit-event-query.dto.js';
import { inlineErrors, summaryList, validateForm } from '../forms/form-errors.js';
import { tFor } from '../i18n.js';
import { PageController } from '../page.decorator.js';
import { type PageRequest, render } from '../page-request.js';
import { pageCount, pageLinks } from '../paging.js';

const FIELDS = ['entityType', 'entityId', 'action', 'actorUserId', 'from', 'to', 'page'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day typed in the filter as the API's date-time bound: the start of that day (UTC). */
const startOf = (day: string | undefined, plusDays = 0): string | undefined => {
  if (day === undefined) return undefined;
  if (!DAY.test(day)) return day; // left as typed: the DTO's date-time rule refuses it
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  d.setUTCDate(d.getUTCDate() + plusDays);
  return d.toISOString();
};

/** The audit log, newest first, filtered with the API's own query DTO (GET form, paged). */
@PageController('programme/audit')
export class ProgrammeAuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Allow('programme_admin', 'programme_viewer')
  async list(
    @Query() query: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const filters: Record<string, string> = {};
    for (const k of FIELDS) {
      const v = query[k];
      if (typeof v === 'string' && v.trim() !== '') filters[k] = v.trim();
    }
    // "to" is the last day shown, inclusive: the API's bound is exclusive.
    const input = { ...filters, from: startOf(filters.from), to: startOf(filters.to, 1) };
    const { dto, errors } = await validateForm(AuditEventQueryDto, input, 'audit.forms.filter', t);
    if (errors.length) {
      return render(
        req,
        reply,
        'programme/audit.njk',
        { filters, errorList: summaryList(errors), fieldErrors: inlineErrors(errors) },
        400,
      );
    }
    dto.limit = 50;
    const page = await this.audit.list(dto);
    const pages = pageCount(page.meta.total, page.meta.limit);
    const link = (n: number) =>
      `/programme/audit?${new URLSearchParams({ ...filters, page: String(n) }).toString()}`;
    return render(req, reply, 'programme/audit.njk', {
      filters,
      events: page.data.map((e) => ({ ...e, changeList: Object.keys(e.changes ?? {}) })),
      total: page.meta.total,
      pageNumber: page.meta.page,
      pages,
      pagination: pageLinks(page.meta.page, pages, link),
    });
  }
}
