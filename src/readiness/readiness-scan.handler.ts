import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { HandlesJob, type JobHandler } from '../queue/job-handler.js';
import { JobName } from '../queue/job-registry.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { ReadinessRepository } from './readiness.repository.js';

/**
 * The daily readiness scan (worker, READINESS_SCAN_CRON), in one transaction:
 * 1. today's counts of every coming date become its trend snapshot (upsert);
 * 2. for every coming date whose lead time is due (the smallest lead time at least the
 *    days left, so a date added late gets its most urgent notice only), the councils not
 *    ready (at risk or not ready) are recorded in `readiness_notices` (date × lead time ×
 *    council, `ON CONFLICT DO NOTHING`) and only the newly recorded ones are announced in
 *    `readiness.lead_time_reached` with the suppliers serving them — so a second run, a
 *    retry or a concurrent run announces nobody twice.
 * Three statements whatever the number of councils or dates.
 */
@Injectable()
@HandlesJob(JobName.ReadinessScan)
export class ReadinessScanHandler implements JobHandler<JobName.ReadinessScan> {
  private readonly log = new Logger(ReadinessScanHandler.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly readiness: ReadinessRepository,
  ) {}

  async handle(): Promise<{ snapshots: number; notices: number }> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const snapshots = await this.readiness.snapshot(m);
      const announced = await this.readiness.recordDueNotices(m);
      for (const a of announced) {
        tx.publish('readiness.lead_time_reached', {
          criticalDateId: a.date_id,
          code: a.code,
          name: a.name,
          date: a.date,
          leadDays: a.lead_days,
          councilIds: a.council_ids,
          supplierIds: a.supplier_ids,
        });
      }
      const notices = announced.reduce((n, a) => n + a.council_ids.length, 0);
      if (notices > 0) {
        await this.audit.record(m, SYSTEM_ACTOR, {
          action: 'readiness.notices_announced',
          entityType: 'readiness',
          entityId: new Date().toISOString().slice(0, 10),
          after: { notices, dates: announced.map((a) => `${a.code}@${a.lead_days}`) },
        });
        this.log.log(`announced lead-time notices to ${notices} council(s)`);
      }
      return { snapshots, notices };
    });
  }
}
