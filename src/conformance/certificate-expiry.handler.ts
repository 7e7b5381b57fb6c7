import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { HandlesJob, type JobHandler } from '../queue/job-handler.js';
import { JobName } from '../queue/job-registry.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { certificateEvent } from './certificate-events.js';
import { CertificatesRepository } from './certificates.repository.js';

/**
 * The daily certificate scan (worker), three set-based statements in one transaction:
 * 1. expires certifying certificates past `expiresAt`, and reassessment_due ones past
 *    their reassessment deadline (the supplier did not reassess in time) →
 *    `certificate.expired` naming the councils whose adoption routes through the product;
 * 2. `certificate.expiring` daysLeft 7 for those expiring within 7 days (marks both
 *    reminders, so a late certificate never gets the 30-day one after the 7-day one);
 * 3. `certificate.expiring` daysLeft 30 for those expiring within 30 days.
 * Each reminder is stamped in the statement that selects it: once per certificate and
 * threshold, whatever the number of runs or workers.
 */
@Injectable()
@HandlesJob(JobName.CertificateScan)
export class CertificateExpiryHandler implements JobHandler<JobName.CertificateScan> {
  private readonly log = new Logger(CertificateExpiryHandler.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly certificates: CertificatesRepository,
  ) {}

  async handle(): Promise<{ expired: number; expiring7: number; expiring30: number }> {
    const counts = await this.uow.run(async (tx) => {
      const m = tx.manager;
      const expired = await this.certificates.expireDue(m);
      const week = await this.certificates.remindWeek(m);
      const month = await this.certificates.remindMonth(m);
      for (const r of expired) {
        tx.publish('certificate.expired', { ...certificateEvent(r), councilIds: r.council_ids });
      }
      for (const r of week)
        tx.publish('certificate.expiring', { ...certificateEvent(r), daysLeft: 7 });
      for (const r of month)
        tx.publish('certificate.expiring', { ...certificateEvent(r), daysLeft: 30 });
      const result = { expired: expired.length, expiring7: week.length, expiring30: month.length };
      if (result.expired + result.expiring7 + result.expiring30 > 0) {
        await this.audit.record(m, SYSTEM_ACTOR, {
          action: 'certificate.scan_applied',
          entityType: 'certificate_register',
          entityId: new Date().toISOString().slice(0, 10),
          after: {
            ...result,
            expiredIds: expired.map((r) => r.id),
          },
        });
      }
      return result;
    });
    if (counts.expired + counts.expiring7 + counts.expiring30 > 0) {
      this.log.log(
        `expired ${counts.expired}, reminded ${counts.expiring7} (7 days), ${counts.expiring30} (30 days)`,
      );
    }
    return counts;
  }
}
