import { Get, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { ProblemException } from '../../common/errors/problem.exception.js';
import { DeliveriesService } from '../../communications/deliveries.service.js';
import { SupplierOverviewService } from '../../dashboards/supplier-overview.service.js';
import { SupplierContactsService } from '../../organisations/supplier-contacts.service.js';
import { SupplierWebhookService } from '../../organisations/supplier-webhook.service.js';
import { SuppliersService } from '../../organisations/suppliers.service.js';
import { PageController } from '../page.decorator.js';
import { render } from '../page-request.js';
import { PROGRAMME_READERS } from '../page-roles.js';
import { pageCount, pageLinks } from '../paging.js';

const PAGE_SIZE = 50;
/** Roles that read a supplier's webhook and submissions in the API (agencies do not). */
const STAFF = ['programme_admin', 'programme_viewer'];

/**
 * Programme staff's view of suppliers: the list (onboarding status, products and current
 * certificates counted in one statement) and one supplier's page. Read-only; agencies see
 * what the API lets them read (no webhook endpoint, no submissions).
 */
@PageController('programme/suppliers')
export class ProgrammeSuppliersController {
  constructor(
    private readonly suppliers: SuppliersService,
    private readonly contacts: SupplierContactsService,
    private readonly webhooks: SupplierWebhookService,
    private readonly deliveries: DeliveriesService,
    private readonly overview: SupplierOverviewService,
  ) {}

  @Get()
  @Allow(...PROGRAMME_READERS)
  async list(
    @Query() query: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const q = typeof query.q === 'string' ? query.q.trim().slice(0, 100) : '';
    const page =
      typeof query.page === 'string' && /^[1-9]\d{0,3}$/.test(query.page) ? Number(query.page) : 1;
    const { rows, total } = await this.overview.list(
      q || undefined,
      PAGE_SIZE,
      (page - 1) * PAGE_SIZE,
    );
    const pages = pageCount(total, PAGE_SIZE);
    const link = (n: number) =>
      `/programme/suppliers?${new URLSearchParams({ ...(q && { q }), page: String(n) }).toString()}`;
    return render(req, reply, 'programme/suppliers.njk', {
      q,
      rows,
      total,
      pageNumber: page,
      pages,
      pagination: pageLinks(page, pages, link),
    });
  }

  @Get(':id')
  @Allow(...PROGRAMME_READERS)
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const supplier = await this.suppliers.get(actor, id);
    const staff = STAFF.includes(actor.role);
    const [contacts, webhook, recent, communications, submissions, products] = await Promise.all([
      this.contacts.list(actor, id),
      staff ? this.webhooks.get(actor, id).catch(notFoundAsNull) : null,
      staff ? this.deliveries.recentWebhookOf(id, 10) : [],
      this.overview.communications(id),
      staff ? this.overview.openSubmissions(id) : [],
      this.overview.products(id),
    ]);
    const latest = recent[0];
    return render(req, reply, 'programme/supplier.njk', {
      supplier,
      contacts: contacts.data,
      staff,
      webhook,
      recent,
      failing: Boolean(
        latest &&
        ['permanent_failure', 'technical_failure', 'temporary_failure'].includes(latest.status),
      ),
      communications,
      submissions,
      products,
      canCompose: actor.role === 'programme_admin',
    });
  }
}

/** A 404 from a service (nothing set up) as null; anything else is thrown on. */
function notFoundAsNull(err: unknown): null {
  if (err instanceof ProblemException && err.getStatus() === 404) return null;
  throw err;
}
