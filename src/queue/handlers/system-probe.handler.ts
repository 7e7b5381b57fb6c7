import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../job-handler.js';
import { JobName, type JobPayloads } from '../job-registry.js';

const MAX_DELAY_MS = 30_000;

/** Round-trip probe: proves a committed outbox row reaches a worker and is marked done. */
@Injectable()
@HandlesJob(JobName.SystemProbe)
export class SystemProbeHandler implements JobHandler<JobName.SystemProbe> {
  async handle(payload: JobPayloads[JobName.SystemProbe]): Promise<{ sleptMs: number }> {
    const sleptMs = Math.min(Math.max(0, payload.delayMs), MAX_DELAY_MS);
    await sleep(sleptMs);
    return { sleptMs };
  }
}
