import { Get, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { plainToInstance } from 'class-transformer';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { CertificatesService } from '../../conformance/certificates.service.js';
import { CertificateQueryDto } from '../../conformance/dto/certificate.dto.js';
import { SubmissionQueryDto } from '../../conformance/dto/submission.dto.js';
import { SubmissionsService } from '../../conformance/submissions.service.js';
import { DeliveriesService } from '../../communications/deliveries.service.js';
import { SupplierInboxService } from '../../communications/supplier-inbox.service.js';
import { ProductQueryDto } from '../../products/dto/product.dto.js';
import { ProductsService } from '../../products/products.service.js';
import { PageController } from '../page.decorator.js';
import { render } from '../page-request.js';
import {
  attentionItems,
  awaitingAcknowledgement,
  WEBHOOK_FAILED,
  webhookFailing,
} from './supplier-attention.js';

/** The supplier's home: what needs its attention, most urgent first, from the domain services. */
@PageController('supplier')
export class SupplierHomeController {
  constructor(
    private readonly products: ProductsService,
    private readonly submissions: SubmissionsService,
    private readonly certificates: CertificatesService,
    private readonly deliveries: DeliveriesService,
    private readonly inbox: SupplierInboxService,
  ) {}

  @Get()
  @Allow('supplier')
  async home(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const [products, changes, certificates, [lastWebhook], awaiting] = await Promise.all([
      this.products.list(actor, plainToInstance(ProductQueryDto, { limit: 500 })),
      this.submissions.list(
        actor,
        plainToInstance(SubmissionQueryDto, {
          status: 'decided',
          result: 'changes_requested',
          limit: 500,
        }),
      ),
      this.certificates.list(actor, plainToInstance(CertificateQueryDto, { limit: 500 })),
      this.deliveries.recentWebhook(actor, 1),
      this.inbox.awaitingAcknowledgement(actor),
    ]);
    const items = [
      ...attentionItems(products.data, changes.data, certificates.data, new Date()),
      ...awaitingAcknowledgement(awaiting),
    ];
    if (lastWebhook && WEBHOOK_FAILED.includes(lastWebhook.status)) items.push(webhookFailing());
    return render(req, reply, 'supplier/home.njk', {
      items,
      productCount: products.meta.total,
    });
  }
}
