import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import { deliveryIdsOf, JobName, type JobPayloads } from '../../queue/job-registry.js';
import { DeliveryProcessor } from '../delivery-processor.service.js';

/** A chunk of webhook deliveries. */
@Injectable()
@HandlesJob(JobName.WebhookDelivery)
export class WebhookDeliveryHandler implements JobHandler<JobName.WebhookDelivery> {
  constructor(private readonly processor: DeliveryProcessor) {}

  handle(job: JobPayloads[JobName.WebhookDelivery]) {
    return this.processor.process(deliveryIdsOf(job));
  }
}
