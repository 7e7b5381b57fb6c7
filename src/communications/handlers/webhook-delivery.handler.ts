import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import { JobName, type JobPayloads } from '../../queue/job-registry.js';
import { DeliveryProcessor } from '../delivery-processor.service.js';

/** One webhook delivery job (jobId = delivery id). */
@Injectable()
@HandlesJob(JobName.WebhookDelivery)
export class WebhookDeliveryHandler implements JobHandler<JobName.WebhookDelivery> {
  constructor(private readonly processor: DeliveryProcessor) {}

  handle({ deliveryId }: JobPayloads[JobName.WebhookDelivery]) {
    return this.processor.process(deliveryId);
  }
}
