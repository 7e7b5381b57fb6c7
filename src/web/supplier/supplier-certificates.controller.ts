import { Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { plainToInstance } from 'class-transformer';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { ServiceQueryDto } from '../../catalogue/dto/service-query.dto.js';
import { ServicesService } from '../../catalogue/services.service.js';
import { CertificatesService } from '../../conformance/certificates.service.js';
import { CertificateVerificationService } from '../../conformance/certificate-verification.service.js';
import { CertificateQueryDto } from '../../conformance/dto/certificate.dto.js';
import { ProblemException } from '../../common/errors/problem.exception.js';
import { ProductQueryDto } from '../../products/dto/product.dto.js';
import { ProductsService } from '../../products/products.service.js';
import { PageController } from '../page.decorator.js';
import { render } from '../page-request.js';

const STATUS_TAG: Record<string, string> = {
  valid: 'govuk-tag--green',
  reassessment_due: 'govuk-tag--yellow',
  expired: 'govuk-tag--grey',
  revoked: 'govuk-tag--red',
};

/** The supplier's certificates, current and past, with validity and status. */
@PageController('supplier/certificates')
export class SupplierCertificatesController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly products: ProductsService,
    private readonly services: ServicesService,
    private readonly verification: CertificateVerificationService,
  ) {}

  @Get()
  @Allow('supplier')
  async list(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const [certs, products, services] = await Promise.all([
      this.certificates.list(actor, plainToInstance(CertificateQueryDto, { limit: 500 })),
      this.products.list(actor, plainToInstance(ProductQueryDto, { limit: 500 })),
      this.services.list(plainToInstance(ServiceQueryDto, { limit: 500 })),
    ]);
    const product = new Map(products.data.map((p) => [p.id, p]));
    const service = new Map(services.data.map((s) => [s.id, s]));
    const rows = certs.data.map((c) => ({
      ...c,
      productName: product.get(c.productId)?.name ?? '',
      serviceName: service.get(c.serviceId)?.name ?? '',
      tagClass: STATUS_TAG[c.status] ?? 'govuk-tag--grey',
    }));
    return render(req, reply, 'supplier/certificates.njk', { certificates: rows });
  }

  /** The printable certificate: the public facts, with the address anyone can check it at. */
  @Get(':id')
  @Allow('supplier')
  async one(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const own = await this.certificates.get(actor, id);
    const certificate = await this.verification.byNumber(own.certificateNumber);
    if (!certificate) throw ProblemException.notFound('Certificate', id);
    return render(req, reply, 'supplier/certificate.njk', {
      certificate,
      tagClass: STATUS_TAG[certificate.status] ?? 'govuk-tag--grey',
      verifyUrl: `${req.protocol}://${req.host}/verify-certificate/${certificate.certificateNumber}`,
    });
  }
}
