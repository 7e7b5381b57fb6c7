import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import { deliveryIdsOf, JobName, type JobPayloads } from '../../queue/job-registry.js';
import { DeliveryProcessor } from '../delivery-processor.service.js';

/** A chunk of email deliveries. */
@Injectable()
@HandlesJob(JobName.EmailDelivery)
export class EmailDeliveryHandler implements JobHandler<JobName.EmailDelivery> {
  constructor(private readonly processor: DeliveryProcessor) {}

  handle(job: JobPayloads[JobName.EmailDelivery]) {
    return this.processor.process(deliveryIdsOf(job));
  }
}
