import { SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobName, JobPayloads } from './job-registry.js';

export const JOB_HANDLER = Symbol('job-handler');

/** Marks a provider as the handler of one job name; the worker discovers it at boot. */
export const HandlesJob = (name: JobName) => SetMetadata(JOB_HANDLER, name);

/** A job handler: idempotent, because a job may run more than once. */
export interface JobHandler<J extends JobName = JobName> {
  handle(payload: JobPayloads[J], job: Job<JobPayloads[J]>): Promise<unknown>;
}
