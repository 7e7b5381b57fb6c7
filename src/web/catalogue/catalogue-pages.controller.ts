import { Get, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { RelationshipQueryDto } from '../../catalogue/dto/relationship-query.dto.js';
import { ServiceQueryDto } from '../../catalogue/dto/service-query.dto.js';
import { SharedServiceQueryDto } from '../../catalogue/dto/shared-service-query.dto.js';
import { RelationshipsService } from '../../catalogue/relationships.service.js';
import { ServiceGraphService } from '../../catalogue/service-graph.service.js';
import { ServicesService } from '../../catalogue/services.service.js';
import { SharedServicesService } from '../../catalogue/shared-services.service.js';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { CertificatesService } from '../../conformance/certificates.service.js';
import { CertificateQueryDto } from '../../conformance/dto/certificate.dto.js';
import { RequirementSetQueryDto } from '../../requirements/dto/requirement-set-query.dto.js';
import { RequirementSetsService } from '../../requirements/requirement-sets.service.js';
import { PageController } from '../page.decorator.js';
import { render } from '../page-request.js';
import { CATALOGUE_ADMIN, PROGRAMME_READERS as CATALOGUE_READERS } from '../page-roles.js';
import { pageNumber, pageCount, pageLinks } from '../paging.js';
import { layOutServiceGraph } from './service-graph-svg.js';

const PAGE_SIZE = 50;

/**
 * The programme office's catalogue: the services with their dependency graph (drawn on
 * the server, its relationships also listed as text), one service's page (details, scope,
 * relationships, certificates, requirement set versions) and the shared services with
 * their member councils. Read-only pages; the catalogue module's services do the work.
 */
@PageController('programme/catalogue')
export class CataloguePagesController {
  constructor(
    private readonly services: ServicesService,
    private readonly graph: ServiceGraphService,
    private readonly relationships: RelationshipsService,
    private readonly shared: SharedServicesService,
    private readonly sets: RequirementSetsService,
    private readonly certificates: CertificatesService,
  ) {}

  @Get()
  @Allow(...CATALOGUE_READERS)
  async index(
    @Query('page') page: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const n = pageNumber(page);
    const [list, { nodes, edges }] = await Promise.all([
      this.services.list(Object.assign(new ServiceQueryDto(), { page: n, limit: PAGE_SIZE })),
      this.graph.graph(),
    ]);
    return render(req, reply, 'catalogue/services.njk', {
      services: list.data,
      total: list.meta.total,
      pagination: pageLinks(
        n,
        pageCount(list.meta.total, PAGE_SIZE),
        (k) => `/programme/catalogue?page=${k}`,
      ),
      drawing: layOutServiceGraph(nodes, edges),
      edges,
      serviceCount: nodes.length,
    });
  }

  @Get('services/:id')
  @Allow(...CATALOGUE_READERS)
  async service(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const service = await this.services.get(id);
    const count = async (status: 'valid' | 'reassessment_due') =>
      (
        await this.certificates.list(
          actor,
          Object.assign(new CertificateQueryDto(), { serviceId: id, status, limit: 1 }),
        )
      ).meta.total;
    const [relationships, sets, valid, reassessmentDue] = await Promise.all([
      this.relationships.list(id, Object.assign(new RelationshipQueryDto(), { limit: 500 })),
      this.sets.list(id, Object.assign(new RequirementSetQueryDto(), { limit: 500 })),
      count('valid'),
      count('reassessment_due'),
    ]);
    const published = sets.data.find((s) => s.status === 'published');
    const draft = sets.data.find((s) => s.status === 'draft');
    return render(req, reply, 'catalogue/service.njk', {
      service,
      relationships: relationships.data,
      sets: sets.data,
      published,
      draft,
      certificates: { valid, reassessmentDue },
      canEdit: actor.role === CATALOGUE_ADMIN,
    });
  }

  @Get('shared-services')
  @Allow(...CATALOGUE_READERS)
  async sharedServices(
    @Query('page') page: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const n = pageNumber(page);
    const list = await this.shared.list(
      Object.assign(new SharedServiceQueryDto(), { page: n, limit: PAGE_SIZE }),
    );
    return render(req, reply, 'catalogue/shared-services.njk', {
      shared: list.data,
      total: list.meta.total,
      pagination: pageLinks(
        n,
        pageCount(list.meta.total, PAGE_SIZE),
        (k) => `/programme/catalogue/shared-services?page=${k}`,
      ),
    });
  }

  @Get('shared-services/:id')
  @Allow(...CATALOGUE_READERS)
  async sharedService(
    @Param('id', ParseUUIDPipe) id: string,
    @Query('page') page: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const n = pageNumber(page);
    const [shared, members] = await Promise.all([
      this.shared.get(id),
      this.shared.members(id, Object.assign(new PageQueryDto(), { page: n, limit: PAGE_SIZE })),
    ]);
    return render(req, reply, 'catalogue/shared-service.njk', {
      shared,
      members: members.data,
      total: members.meta.total,
      pagination: pageLinks(
        n,
        pageCount(members.meta.total, PAGE_SIZE),
        (k) => `/programme/catalogue/shared-services/${id}?page=${k}`,
      ),
    });
  }
}
