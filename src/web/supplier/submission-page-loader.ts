import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor.js';
import { ServicesService } from '../../catalogue/services.service.js';

import { isEditable } from '../../conformance/submission-lifecycle.js';
import { SubmissionSamplesService } from '../../conformance/submission-samples.service.js';
import { SubmissionsService } from '../../conformance/submissions.service.js';
import { ProductsService } from '../../products/products.service.js';
import { categoriesOf, samplesStatus } from './submission-pages.js';

/**
 * What every submission page shows, read through the domain services with the session's
 * Actor: the submission (404 for another supplier's), its product and service, its items
 * grouped by category, and (when asked) its samples with the governing standards.
 */
@Injectable()
export class SubmissionPageLoader {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly samples: SubmissionSamplesService,
    private readonly products: ProductsService,
    private readonly services: ServicesService,
  ) {}

  async load(actor: Actor, id: string) {
    const submission = await this.submissions.get(actor, id);
    const [product, service, items, samples] = await Promise.all([
      this.products.get(actor, submission.productId),
      this.services.get(submission.serviceId),
      this.submissions.items(actor, id),
      this.samples.list(actor, id),
    ]);
    const rows = items.data;
    const code = new Map(samples.standards.map((s) => [s.id, `${s.code} ${s.version}`]));
    const categories = categoriesOf(rows);
    return {
      submission,
      product,
      service,
      items: rows,
      categories,
      answered: categories.every((c) => c.status === 'completed'),
      samplesStatus: samplesStatus(samples.standards, samples.data),
      samples: samples.data.map((s) => ({ ...s, standardName: code.get(s.standardId) ?? '' })),
      standards: samples.standards,
      editable: isEditable(submission),
    };
  }
}
export type SubmissionPage = Awaited<ReturnType<SubmissionPageLoader['load']>>;
