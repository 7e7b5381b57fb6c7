import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import { JobName, type JobPayloads } from '../../queue/job-registry.js';
import { DeliveryProcessor } from '../delivery-processor.service.js';

/** One email delivery job (jobId = delivery id). */
@Injectable()
@HandlesJob(JobName.EmailDelivery)
export class EmailDeliveryHandler implements JobHandler<JobName.EmailDelivery> {
  constructor(private readonly processor: DeliveryProcessor) {}

  handle({ deliveryId }: JobPayloads[JobName.EmailDelivery]) {
    return this.processor.process(deliveryId);
  }
}
